#!/usr/bin/env bash
# What a long run of syncs leaves behind, on the packaged app with its default H2 file: N webhooks for N distinct
# contacts (10,000 by default) against WireMock as the platform and Intercom, drained by the sync workers. Prints,
# as the queue drains, the H2 file's size and the app's resident memory (RSS), then the drain rate, the file once
# drained and after a normal stop, and the peak RSS.
#   bench/sync-storage.sh [contacts]        JAVA_OPTS (default -Xmx128m -XX:+UseSerialGC) sets the app's JVM options
set -euo pipefail
contacts=${1:-10000}
java_opts=${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC}
source "$(dirname "$0")/setup.sh"

mkdir -p "$work/wiremock/mappings"
attributes=$(python3 - <<'PY'
import json
names = ["Platform Account Exists", "Client ID", "Name", "Phone Number", "Client Profile Link", "Client Status",
         "Time Zone", "Client Since", "Therapist Name", "Tags", "Group", "Unpaid Invoices", "Card on File",
         "Number of Sessions", "Last Appointment", "Next Appointment", "Intake Forms Completed", "Sub Org",
         "Multiple Accounts", "Linked Accounts", "User Data Updated On"]
typed = {"next_appointment_at": "date", "last_appointment_at": "date", "client_since_at": "date",
         "unpaid_balance": "float", "sessions_count": "integer", "platform_account_exists": "boolean"}
data = [{"type": "data_attribute", "name": n, "data_type": "string", "custom": True} for n in names]
data += [{"type": "data_attribute", "name": n, "data_type": t, "custom": True} for n, t in typed.items()]
print(json.dumps({"type": "list", "data": data}))
PY
)
cat > "$work/wiremock/mappings/stubs.json" <<JSON
{"mappings": [
 {"request": {"method": "GET", "urlPath": "/v1/clients"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "transformers": ["response-template"],
   "body": "{\"clients\": [{\"id\": {{randomInt lower=1000 upper=9999999}}, \"firstName\": \"Bench\", \"lastName\": \"Client\", \"email\": \"{{request.query.email}}\", \"phone\": \"(416) 555-0123\", \"status\": \"active\", \"timeZone\": \"America/Toronto\", \"createdAt\": \"2024-10-22T15:00:00Z\", \"organization\": {\"name\": \"Ruh Care Inc\", \"currency\": \"CAD\"}, \"careTeam\": [{\"name\": \"Dr. Sarah Johnson\", \"primary\": true}], \"invoices\": [{\"id\": 1, \"status\": \"unpaid\", \"amountDue\": \"150.00\"}], \"cardOnFile\": true, \"appointments\": [{\"id\": 1, \"startsAt\": \"2025-12-15T19:00:00Z\", \"status\": \"occurred\"}], \"intakeFormsCompleted\": true}]}"}},
 {"request": {"method": "GET", "urlPathPattern": "/contacts/[^/]+"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "transformers": ["response-template"],
   "body": "{\"type\": \"contact\", \"id\": \"{{request.pathSegments.[1]}}\", \"role\": \"user\", \"email\": \"{{request.pathSegments.[1]}}@example.com\"}"}},
 {"request": {"method": "PUT", "urlPathPattern": "/contacts/[^/]+"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"type\": \"contact\"}"}},
 {"request": {"method": "GET", "urlPath": "/data_attributes"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": $attributes}},
 {"request": {"method": "GET", "urlPath": "/me"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "jsonBody": {"type": "admin", "id": "1", "app": {"type": "app", "id_code": "bench", "region": "US"}}}}
]}
JSON
java -Xmx512m -jar target/bench/wiremock-standalone-3.13.2.jar --port "$wm_port" --root-dir "$work/wiremock" \
  --disable-banner --no-request-journal --async-response-enabled true >/dev/null 2>&1 &
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$wm_port/__admin/mappings" >/dev/null && break; sleep 0.5; done

mkdir -p "$work/data"
start_app() {
  (cd "$work" && QUARKUS_HTTP_PORT=$app_port INTERCOM_CLIENT_SECRET=$secret INTERCOM_ACCESS_TOKEN=bench-token \
    INTERCOM_API_URL="http://127.0.0.1:$wm_port" PLATFORM_API_URL="http://127.0.0.1:$wm_port" SYNC_API_TOKEN=bench \
    SYNC_CHANGES_POLL_INTERVAL=off DATA_ENCRYPTION_KEY=$(openssl rand -base64 32) \
    exec java $java_opts -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" >"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the app did not start:"; cat "$work/app.log"; exit 1
}
db_size() { du -k "$work/data/care-panel.mv.db" | cut -f1; }
rss() { ps -o rss= -p "$app_pid" | tr -d ' '; }
status() { curl -s -H "Authorization: Bearer bench" "http://127.0.0.1:$app_port/sync/status"; }
left() { status | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["pending"] + s["running"])'; }

start_app
echo "contacts: $contacts; JVM options: $java_opts; H2 file after start: $(db_size) KB; RSS after start: $(rss) KB"
started=$(date +%s)
python3 - "$app_port" "$secret" "$contacts" <<'PY'
import hashlib, hmac, http.client, json, sys
port, secret, count = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
connection = http.client.HTTPConnection("127.0.0.1", port)
for n in range(count):
    body = json.dumps({"type": "notification_event", "id": "notif_bench_%d" % n, "topic": "conversation.user.replied",
                       "app_id": "bench", "data": {"item": {"type": "conversation", "id": str(n),
                       "contacts": {"contacts": [{"type": "contact", "id": "contact-%d" % n}]}}}}).encode()
    signature = "sha1=" + hmac.new(secret, body, hashlib.sha1).hexdigest()
    connection.request("POST", "/webhooks/intercom", body, {"Content-Type": "application/json", "X-Hub-Signature": signature})
    response = connection.getresponse(); response.read()
    if response.status != 200:
        sys.exit("webhook %d answered %d" % (n, response.status))
PY
echo "$contacts webhooks acknowledged in $(( $(date +%s) - started )) s"
peak=0
while true; do
  remaining=$(left); now_rss=$(rss); [ "$now_rss" -gt "$peak" ] && peak=$now_rss
  printf '  %4d s: %6d contacts left, H2 file %7d KB, RSS %7d KB\n' "$(( $(date +%s) - started ))" "$remaining" "$(db_size)" "$now_rss"
  [ "$remaining" -eq 0 ] && break
  sleep 10
done
elapsed=$(( $(date +%s) - started ))
drained=$(db_size)
echo "drained in $elapsed s ($(( contacts * 60 / (elapsed > 0 ? elapsed : 1) )) contacts/min); failed: $(status | python3 -c 'import json,sys; print(json.load(sys.stdin)["failed"])')"
sleep 25  # two compaction rounds after the last write
echo "H2 file once drained: $drained KB; 25 s later: $(db_size) KB; peak RSS while draining: $peak KB"
kill -TERM "$app_pid"; wait "$app_pid" || true
echo "H2 file after a normal stop (DEFRAG_ALWAYS): $(db_size) KB"
# What the live data is made of: each table's rows and its share of the file (H2's DISK_SPACE_USED, indexes included).
h2_jar=$(find "${HOME}/.m2/repository/com/h2database/h2" -name 'h2-*.jar' | sort | tail -1)
java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/care-panel" -user "" -sql \
  "select table_name, disk_space_used('\"' || table_name || '\"') / 1024 as kb
   from information_schema.tables where table_schema = 'PUBLIC' order by kb desc;
   select count(*) as snapshots, avg(octet_length(profile_binary)) as sealed_bytes from profile_snapshot;
   select count(*) as jobs from sync_job" 2>&1 | head -40 || true
[ -n "${BENCH_DEBUG:-}" ] && cat "$work/app.log"
exit 0
