#!/usr/bin/env bash
# The cost of a view and of a sync, measured from outside on the packaged app (H2 file), against a WireMock
# platform answering in 40 ms and a WireMock Intercom: start to ready, memory, cold views (a new contact and
# email each time) at 1/16/64 connections, cached views (one contact) at 32 connections and at a fixed 500 req/s,
# app CPU per 1,000 views (after a warm-up of cold views that is not counted), and the drain of a backlog of
# syncs at 600 and 10,000 Intercom calls a minute; then the same start and views of the bare Node server issue 11
# compares it with (bench/node/server.mjs). Prints Markdown tables. Installs wrk and hey (Debian packages) when missing.
#   bench/perf.sh       STARTS (5), RUN_SECONDS (10), DRAIN_SLOW (480 contacts at 600/min),
#                       DRAIN_FAST (12000 contacts at 10,000/min), JAVA_OPTS (none: the JVM's defaults)
#                       WARMUP_SECONDS (RUN_SECONDS: the cold views before the measured ones, at 4 connections;
#                       C2 took about 100 s of cold views at 16 connections to settle in the twelfth round)
set -euo pipefail
starts=${STARTS:-5} seconds=${RUN_SECONDS:-10} java_opts=${JAVA_OPTS:-}
drains=("600 ${DRAIN_SLOW:-480}" "10000 ${DRAIN_FAST:-12000}")
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
need_tools wrk hey
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs journal

echo "$(date -u +%FT%RZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start (other processes' load makes every number noisy), JVM options: ${java_opts:-none}"
echo
echo "| | this app |"
echo "|---|---|"
# cached_starts JAVA: trains bench/aot-cache.sh's class cache for JAVA with the same options, then prints the row
# of the starts with it (an AppCDS archive before JDK 25, an AOT cache from 25 on).
cached_starts() {
  local java=$1 use kind ready=() rss=() n
  TRAIN_JAVA="$java" JAVA_OPTS="$java_opts" bash bench/aot-cache.sh >"$work/train.out" 2>&1 \
    || { echo "note: no start with a class cache for $java: $(tail -1 "$work/train.out")" >&2; return 0; }
  # AOTMode=on and -Xshare:on: a cache the JDK cannot use stops the start rather than measure one without it.
  if [ "$(java_feature "$java")" -ge 25 ]; then
    use="-XX:AOTMode=on -XX:AOTCache=$root/target/quarkus-app/app.aot" kind="the AOT cache"
  else
    use="-Xshare:on -XX:SharedArchiveFile=$root/target/quarkus-app/app-cds.jsa" kind="the AppCDS archive"
  fi
  for n in $(seq 1 "$starts"); do
    java_cmd=$java java_opts="$java_opts $use" start_app "$work/cached-start" \
      || { echo "note: the app did not start with $kind of $java" >&2; return 0; }
    ready+=("$ready_ms"); sleep 2; rss+=("$(rss_mb)"); stop_app
  done
  echo "| start to ready, $("$java" -version 2>&1 | head -1 | cut -d'"' -f2) with $kind of bench/aot-cache.sh (median of $starts), RSS after start | $(printf '%s\n' "${ready[@]}" | median) ms (${ready[*]}), $(printf '%s\n' "${rss[@]}" | median) MB |"
}
[ "$(java_feature java)" -lt 25 ] && cached_starts "$(command -v java)"
aot=$(aot_java || true)
if [ -n "$aot" ]; then
  cached_starts "$aot"
else
  echo "note: no start with an AOT cache (needs a JDK 25 or later)" >&2
fi
ready=()
for n in $(seq 1 "$starts"); do
  start_app "$work/views"; ready+=("$ready_ms")
  [ "$n" -lt "$starts" ] && stop_app
done
sleep 2
echo "| start to ready (median of $starts) | $(printf '%s\n' "${ready[@]}" | median) ms (${ready[*]}) |"
rss_started=$(rss_mb)

view_rows
stop_app

for drain in "${drains[@]}"; do
  read -r per_minute contacts <<<"$drain"
  gen webhook "$secret" "webhooks$per_minute" "$contacts"
  start_app "$work/drain$per_minute" SYNC_WORKERS=0
  python3 bench/perf/post.py "$app_port" "$work/webhooks$per_minute"
  stop_app
  curl -sf -X DELETE "http://127.0.0.1:$intercom_port/__admin/requests" >/dev/null
  start_app "$work/drain$per_minute" INTERCOM_RATE_LIMIT_PER_MINUTE="$per_minute"
  wait_drained 600
  left=$(queue_left)
  read -r writes reads calls window span late < <(curl -s "http://127.0.0.1:$intercom_port/__admin/requests" | python3 bench/perf/journal.py)
  stop_app
  python3 - "$per_minute" "$contacts" "$writes" "$reads" "$calls" "$window" "$span" "$left" "$late" <<'PY'
import sys
per_minute, contacts, writes, reads, calls, window, span, left, late = map(float, sys.argv[1:])
budget = per_minute * 0.8
rate = writes * 60 / span if span else 0
print("| sync drain, backlog of %d webhooks naming the author's email, at %d calls/min (app's budget %d) | "
      "%d writes/min (%d %% of the budget)%s, %.2f Intercom calls per written contact (%d reads), "
      "most calls in a 10 s window %d of Intercom's %d%s |"
      % (contacts, per_minute, budget, rate, 100 * rate / budget,
         ", %d/min (%d %%) after its first 30 s" % (late, 100 * late / budget) if late else "",
         calls / writes if writes else 0, reads, window, per_minute / 6, "" if not left else ", %d left after 600 s" % left))
PY
done
# Last, the same start and views of the bare Node server issue 11 compares this app with (bench/node/server.mjs),
# on the same stubs, when node is installed. It queues nothing, so there is no sync to wait for.
if command -v node >/dev/null; then
  echo
  echo "| | bare Node server (bench/node/server.mjs, node $(node --version)) |"
  echo "|---|---|"
  queue_left() { echo 0; }
  t0=$(date +%s%N)
  PORT=$app_port PLATFORM_API_URL="http://127.0.0.1:$platform_port" node bench/node/server.mjs >>"$work/node.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && break; sleep 0.05; done
  curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null || { echo "the Node server did not start" >&2; exit 1; }
  echo "| start to ready | $(( ($(date +%s%N) - t0) / 1000000 )) ms |"
  sleep 2; rss_started=$(rss_mb)
  view_rows
  stop_app
else
  echo "note: node not found, so no row of the bare Node server" >&2
fi
[ -n "${BENCH_DEBUG:-}" ] && cp "$work/app.log" "${BENCH_DEBUG}"
exit 0
