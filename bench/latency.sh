#!/usr/bin/env bash
# Measures the app as Intercom sees it, the packaged app against a WireMock platform: the panel (one cold
# initialize, the first request after start; cached ones; a refresh; one with the platform hanging) and the
# webhook endpoint's acknowledgement (Intercom wants 2xx within 5 s and favours answers under 500 ms).
#   bench/latency.sh            (packages the app first if target/quarkus-app is missing)
set -euo pipefail
source "$(dirname "$0")/setup.sh"

mkdir -p "$work/wiremock/mappings"
cat > "$work/wiremock/mappings/clients.json" <<'JSON'
{"mappings": [
 {"request": {"method": "GET", "urlPath": "/v1/clients", "queryParameters": {"email": {"equalTo": "bench@example.com"}}},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "fixedDelayMilliseconds": 40,
   "jsonBody": {"clients": [{"id": 4719854, "firstName": "Bench", "lastName": "Client", "email": "bench@example.com",
     "phone": "(416) 555-0123", "status": "active", "timeZone": "America/Toronto", "createdAt": "2024-10-22T15:00:00Z",
     "organization": {"name": "Ruh Care Inc", "currency": "CAD"}, "careTeam": [{"name": "Dr. Sarah Johnson", "primary": true}],
     "invoices": [{"id": 1, "status": "unpaid", "amountDue": "150.00"}], "cardOnFile": true,
     "appointments": [{"id": 1, "startsAt": "2025-12-15T19:00:00Z", "status": "occurred"}], "intakeFormsCompleted": true}]}}},
 {"request": {"method": "GET", "urlPath": "/v1/clients", "queryParameters": {"email": {"equalTo": "hangs@example.com"}}},
  "response": {"status": 200, "fixedDelayMilliseconds": 20000, "jsonBody": {"clients": []}}},
 {"request": {"method": "GET", "urlPath": "/me"},
  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
   "jsonBody": {"type": "admin", "id": "1", "app": {"type": "app", "id_code": "bench", "region": "US"}}}}
]}
JSON
java -jar target/bench/wiremock-standalone-3.13.2.jar --port "$wm_port" --root-dir "$work/wiremock" --disable-banner >/dev/null 2>&1 &
# The bench workspace is the access token's (GET /me above), so it counts as installed: every panel answer goes
# through the access check and writes its audit row, as in production.
QUARKUS_HTTP_PORT=$app_port INTERCOM_CLIENT_SECRET=$secret PLATFORM_API_URL="http://127.0.0.1:$wm_port" SYNC_WORKERS=0 \
  INTERCOM_ACCESS_TOKEN=bench-token INTERCOM_API_URL="http://127.0.0.1:$wm_port" \
  DATA_ENCRYPTION_KEY=$(openssl rand -base64 32) \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/db" java -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && break; sleep 0.5; done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$wm_port/__admin/mappings" >/dev/null && break; sleep 0.5; done

call() { # kind email component -> seconds
  body=$(printf '{"workspace_id":"bench","workspace_region":"us","contact":{"id":"c1","email":"%s"},"component_id":"%s"}' "$2" "$3")
  sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')
  curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$app_port/canvas/$1" \
    -H 'Content-Type: application/json' -H "X-Body-Signature: $sig" --data-binary "$body"
}
echo "cold initialize (first request after start, platform answers in 40 ms): $(call initialize bench@example.com x) s"
cached=(); for _ in $(seq 1 20); do cached+=("$(call initialize bench@example.com x)"); done
printf 'cached initialize, 20 requests: median %s s, max %s s\n' \
  "$(printf '%s\n' "${cached[@]}" | sort -n | sed -n 10p)" "$(printf '%s\n' "${cached[@]}" | sort -n | tail -1)"
echo "refresh (platform asked again): $(call submit bench@example.com refresh) s"
echo "platform hanging, nothing known: $(call initialize hangs@example.com x) s"

webhook() { # n -> seconds
  body=$(printf '{"type":"notification_event","id":"notif_bench_%s","topic":"conversation.user.replied","app_id":"bench","data":{"item":{"type":"conversation","id":"%s","contacts":{"contacts":[{"type":"contact","id":"contact-%s"}]}}}}' "$1" "$1" "$(( $1 % 7 ))")
  sig=$(printf '%s' "$body" | openssl dgst -sha1 -hmac "$secret" -hex | sed 's/^.*= //')
  curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$app_port/webhooks/intercom" \
    -H 'Content-Type: application/json' -H "X-Hub-Signature: sha1=$sig" --data-binary "$body"
}
acks=(); for n in $(seq 1 100); do acks+=("$(webhook "$n")"); done
printf 'webhook acknowledged (stored, 100 notifications for 7 contacts): median %s s, p95 %s s, max %s s\n' \
  "$(printf '%s\n' "${acks[@]}" | sort -n | sed -n 50p)" "$(printf '%s\n' "${acks[@]}" | sort -n | sed -n 95p)" \
  "$(printf '%s\n' "${acks[@]}" | sort -n | tail -1)"
[ -n "${BENCH_DEBUG:-}" ] && cat "$work/app.log"
