# Sourced by bench/perf.sh: starting the app, its CPU and memory, and wrk/hey runs printed as table rows.
app_env() {
  echo QUARKUS_HTTP_PORT=$app_port INTERCOM_CLIENT_SECRET=$secret INTERCOM_ACCESS_TOKEN=bench-token \
    INTERCOM_API_URL="http://127.0.0.1:$intercom_port" PLATFORM_API_URL="http://127.0.0.1:$platform_port" \
    SYNC_API_TOKEN=bench SYNC_CHANGES_POLL_INTERVAL=off DATA_ENCRYPTION_KEY=$key \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=10S
}
# start_app DATA_DIR [VAR=value...]: starts the packaged app on an H2 file in DATA_DIR; sets app_pid and ready_ms.
# The pool waits up to 10 s for a connection (1 s by default): on a loaded machine, opening the H2 file at start
# can take longer than 1 s, and Flyway then fails the start.
start_app() {
  local data=$1; shift
  mkdir -p "$data"
  local t0; t0=$(date +%s%N)
  (cd "$data" && exec env $(app_env) "$@" java $java_opts -jar "$root/target/quarkus-app/quarkus-run.jar" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && { ready_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return; }
    sleep 0.05
  done
  echo "the app did not start:"; grep -i error "$work/app.log" | tail -3 | cut -c1-600; exit 1
}
stop_app() { kill -TERM "$app_pid"; wait "$app_pid" || true; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
rss_mb() { echo $(( $(ps -o rss= -p "$app_pid") / 1024 )); }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
queue_left() {
  curl -s -H "Authorization: Bearer bench" "http://127.0.0.1:$app_port/sync/status" \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["pending"] + s["running"])'
}
# wait_drained [SECONDS (120)]: waits until the queue is empty, so that the CPU the views caused includes their syncs.
wait_drained() { for _ in $(seq 1 $(( ${1:-120} * 2 ))); do [ "$(queue_left)" -eq 0 ] && return; sleep 0.5; done; }
# wrk_run CONNECTIONS SECONDS FILE MODE: wrk's output in $work/wrk.out; requests sent in $sent.
wrk_run() {
  local threads=$(( $1 < 2 ? 1 : 2 ))
  wrk -t "$threads" -c "$1" -d "$2s" --latency --timeout 10s -s "$root/bench/perf/signed.lua" \
    "http://127.0.0.1:$app_port" -- "$3" "$4" "$threads" >"$work/wrk.out" 2>&1
  sent=$(awk '/requests in/ {print $1}' "$work/wrk.out")
}
wrk_summary() { # p50 / p99, req/s, and any errors
  awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx|Socket errors/ {err=err " " $0}
       END {printf "p50 %s / p99 %s, %d req/s%s", p50, p99, rps, err}' "$work/wrk.out"
}
# start_stubs journal|no-journal: the platform (answering in 40 ms) and Intercom WireMocks on $platform_port and
# $intercom_port; with "journal", Intercom keeps its requests so that the drains can count calls.
start_stubs() {
  local wiremock="target/bench/wiremock-standalone-3.13.2.jar" journal="--no-request-journal"
  [ "$1" = journal ] && journal="--max-request-journal-entries 100000"
  python3 bench/perf/stubs.py "$work/platform" "$work/intercom" 40
  java -Xmx512m -jar $wiremock --port "$platform_port" --root-dir "$work/platform" --disable-banner \
    --no-request-journal --async-response-enabled true >/dev/null 2>&1 &
  java -Xmx1g -jar $wiremock --port "$intercom_port" --root-dir "$work/intercom" --disable-banner \
    $journal --async-response-enabled true >/dev/null 2>&1 &
  for port in "$platform_port" "$intercom_port"; do
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/__admin/mappings" >/dev/null && break; sleep 0.5; done
  done
}
