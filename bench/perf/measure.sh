# Sourced by the bench scripts: starting the app, its CPU and memory, and wrk/hey runs printed as table rows.
# The JVM options of README's production command, the default of the scripts that measure the app as it runs there.
production_java_opts="-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
app_env() {
  echo QUARKUS_HTTP_PORT=$app_port INTERCOM_CLIENT_SECRET=$secret INTERCOM_ACCESS_TOKEN=bench-token \
    INTERCOM_API_URL="http://127.0.0.1:$intercom_port" PLATFORM_API_URL="http://127.0.0.1:$platform_port" \
    SYNC_API_TOKEN=bench SYNC_CHANGES_POLL_INTERVAL=off DATA_ENCRYPTION_KEY=$key \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=10S ${db_env:-}
}
# start_app DATA_DIR [VAR=value...]: starts the packaged app ($app_jar, default target/quarkus-app's) with $java_cmd
# (default java) and $java_opts, in DATA_DIR (its H2 file's folder unless $db_env names another database); sets
# app_pid and ready_ms. Returns 1 (which ends a script under set -e) when the app stops or is not ready in 60 s.
# The pool waits up to 10 s for a connection (1 s by default): on a loaded machine, opening the H2 file at start
# can take longer than 1 s, and Flyway then fails the start.
start_app() {
  local data=$1; shift
  mkdir -p "$data"
  local t0; t0=$(date +%s%N)
  (cd "$data" && exec env $(app_env) "$@" ${java_cmd:-java} $java_opts -jar "${app_jar:-$root/target/quarkus-app/quarkus-run.jar}" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && { ready_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0; }
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the app did not start:" >&2; grep -i error "$work/app.log" | tail -3 | cut -c1-600 >&2
  kill "$app_pid" 2>/dev/null || true
  return 1
}
# java_feature JAVA: the JDK's feature version (17, 25...).
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
# aot_java: prints the java of a JDK 25 or later (AOT_JAVA, java, or the first under /usr/lib/jvm), or nothing.
aot_java() {
  local candidate
  for candidate in ${AOT_JAVA:-} java /usr/lib/jvm/*/bin/java; do
    command -v "$candidate" >/dev/null || continue
    [ "$(java_feature "$candidate")" -ge 25 ] && { command -v "$candidate"; return 0; }
  done
  return 0
}
# need_tools TOOL...: installs the ones missing from Debian's packages; says which could not be.
need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || $( [ "$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -q "$tool" >/dev/null \
      || echo "note: $tool could not be installed" >&2
  done
}
# gen KIND SECRET NAME COUNT [EMAIL]: signed requests (bench/perf/signed.py) into $work/NAME.
gen() { python3 bench/perf/signed.py "$@" >"$work/$3"; }
# queue_backlog DATA_DIR COUNT: the app in DATA_DIR takes COUNT webhooks for as many contacts, each naming the
# author's email, with its sync workers off, and stops: the backlog waits in its database.
queue_backlog() {
  gen webhook "$secret" backlog "$2"
  start_app "$1" SYNC_WORKERS=0
  python3 bench/perf/post.py "$app_port" "$work/backlog"
  stop_app
}
stop_app() { kill -TERM "$app_pid"; wait "$app_pid" || true; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
rss_mb() { echo $(( $(ps -o rss= -p "$app_pid") / 1024 )); }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
queue_left() {
  curl -s -H "Authorization: Bearer bench" "http://127.0.0.1:$app_port/sync/status" \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["pending"] + s["running"])'
}
# metrics: the app's Prometheus scrape; fails when it has none.
metrics() { curl -sf "http://127.0.0.1:$app_port/q/metrics"; }
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
# fixed_rate_run: $seconds of the cached view ($work/cached) at a fixed 500 req/s (hey, 10 workers × 50/s); prints
# p50 / p99, req/s, and any answers other than 200.
fixed_rate_run() {
  printf '%s' "$(cut -f4 "$work/cached")" >"$work/cached.body"
  hey -z "${seconds}s" -c 10 -q 50 -m POST -T application/json -H "X-Body-Signature: $(cut -f3 "$work/cached")" \
    -D "$work/cached.body" "http://127.0.0.1:$app_port/canvas/initialize" >"$work/hey.out"
  awk '/Requests\/sec/ {rps=$2} / 50% in/ {p50=$3*1000} / 99% in/ {p99=$3*1000}
    /^ *\[[0-9]+\][ \t]+[0-9]+ responses/ && !/\[200\]/ {err=err ", " $0}
    END {printf "p50 %.1f ms / p99 %.1f ms, %d req/s%s", p50, p99, rps, err}' "$work/hey.out"
}
# cpu_per_1000 TICKS_BEFORE: CPU seconds per 1,000 of the $sent views, once the syncs they caused are done.
cpu_per_1000() {
  wait_drained
  python3 -c "import os,sys; print('%.2f' % ((int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK') * 1000 / int(sys.argv[3])))" \
    "$1" "$(cpu_ticks)" "$sent"
}
# view_rows: with the app started, prints the table rows of the views: cold (a new contact and email each time)
# at 1, 16 and 64 connections after WARMUP_SECONDS (default $seconds) of cold views that are not counted, with the
# app's own mean time at 1 connection from its metrics, cached (one contact) at 32 connections
# with the peak RSS (and $rss_started, the RSS after start), cached at a fixed 500 req/s, and the app's CPU per
# 1,000 views with the syncs they caused. $seconds long each.
view_rows() {
  local before cold_cpu cached_cpu sampler connections
  # Warm-up, not counted: the JIT compiles the view's and the sync's code during the first thousands of requests
  # (19.7 s of compiler time in a 20 s cold profile right after start), which is a cost of starting, not of a view.
  local warmup=${WARMUP_SECONDS:-$seconds}
  gen view "$secret" warmup $(( warmup > 20 ? warmup * 200 : 4000 ))
  wrk_run 4 "$warmup" "$work/warmup" once; wait_drained 600
  gen view "$secret" cold1 3000
  metrics >"$work/metrics.before" || true
  before=$(cpu_ticks); wrk_run 1 "$seconds" "$work/cold1" once
  echo "| cold view (new email each time), 1 connection | $(wrk_summary) |"
  # The app's own share of it, from its metrics (the Node server has none; it answers any path, hence the grep).
  # Scraped at once, so that the syncs the views queued make no platform call inside the window.
  if metrics >"$work/metrics.after" && grep -q '^http_server_requests' "$work/metrics.before"; then
    echo "| the same, mean time in the app beyond the platform call (its metrics) | $(python3 bench/perf/overhead.py "$work/metrics.before" "$work/metrics.after") |"
  fi
  cold_cpu=$(cpu_per_1000 "$before")
  for connections in 16 64; do
    gen view "$secret" "cold$connections" $(( connections * 700 ))
    wrk_run "$connections" "$seconds" "$work/cold$connections" once
    echo "| cold view, $connections connections | $(wrk_summary) |"
    wait_drained
  done

  gen view "$secret" cached 1 cached@example.com
  wrk_run 1 1 "$work/cached" cycle; wait_drained
  ( while sleep 0.5; do rss_mb; done ) >"$work/rss" 2>/dev/null & sampler=$!
  before=$(cpu_ticks); wrk_run 32 "$seconds" "$work/cached" cycle
  kill "$sampler"
  echo "| cached view (same email), 32 connections | $(wrk_summary) |"
  cached_cpu=$(cpu_per_1000 "$before")
  echo "| RSS after start / under cached load (peak) | $rss_started MB / $(sort -n "$work/rss" | tail -1) MB |"

  if command -v hey >/dev/null; then
    echo "| cached view at a fixed 500 req/s (hey, 10 workers × 50/s) | $(fixed_rate_run) |"
  fi
  echo "| app CPU per 1,000 views, cold (1 connection) / cached (32), with the syncs they caused | $cold_cpu s / $cached_cpu s |"
}
# with_gc_log: $java_opts becomes JAVA_OPTS (default: the production options) with the JVM's GC log in $gc_log.
with_gc_log() {
  gc_log="$work/gc.log"
  java_opts="${JAVA_OPTS:-$production_java_opts} -Xlog:gc:file=$gc_log::filecount=0"
}
# mark: the GC log's line count, where the next load's collections start.
mark() { wc -l <"$gc_log"; }
# collections SINCE: the full and young collections in the GC log $gc_log after its line SINCE, the young pauses,
# the heap after the last young ones.
collections() {
  tail -n +"$(( $1 + 1 ))" "$gc_log" | python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
young = [l for l in lines if "Pause Young" in l]
pauses = [float(re.search(r"([\d.]+)ms$", l).group(1)) for l in young]
after = [re.search(r"->(\d+)M", l).group(1) for l in young][-5:]
full = sum("Pause Full" in l for l in lines)
print("%d full, %d young collections%s" % (full, len(young), ", young pauses mean %.1f / longest %.1f ms, heap after the last young ones %s MB"
      % (sum(pauses) / len(pauses), max(pauses), " ".join(after)) if pauses else ""))'
}
