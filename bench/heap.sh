#!/usr/bin/env bash
# What the collector does under the loads of bench/perf.sh, from the JVM's GC log: the packaged app (H2 file)
# against the same WireMock stubs takes a warm-up, two bursts of cold views at 64 connections, then cached views
# at the fixed 500 req/s (hey, three runs). For each load it prints the throughput or latency, the full and young
# collections, the young pauses' mean and longest, and the heap left after the young collections (what stays
# live, mostly in the old generation); after the bursts, the old generation after a full collection.
#   bench/heap.sh       JAVA_OPTS (README's production options), RUN_SECONDS (10),
#                       APP_ENV (variables for the app, e.g. a JDBC URL with another H2 CACHE_SIZE)
set -euo pipefail
seconds=${RUN_SECONDS:-10}
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
need_tools wrk hey
with_gc_log
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
# old_after_full: the old generation's use after a full collection (Serial's tenured or Parallel's ParOldGen).
old_after_full() {
  jcmd "$app_pid" GC.run >/dev/null
  jcmd "$app_pid" GC.heap_info | awk '/tenured generation|ParOldGen/ && !done {
    for (i = 1; i < NF; i++) if ($i == "used") {sub(/K.*/, "", $(i + 1)); printf "%.1f MB", $(i + 1) / 1024}; done = 1}'
}

start_app "$work/data" ${APP_ENV:-}
echo "JVM options: $java_opts${APP_ENV:+; app: $APP_ENV}"
gen view "$secret" warmup 4000
wrk_run 4 "$seconds" "$work/warmup" once; wait_drained
for burst in 1 2; do
  gen view "$secret" "cold$burst" 44800
  since=$(mark); wrk_run 64 "$seconds" "$work/cold$burst" once; wait_drained
  echo "cold views at 64 connections, burst $burst: $(wrk_summary); $(collections "$since")"
done
echo "after the bursts, old generation after a full collection: $(old_after_full)"
gen view "$secret" cached 1 cached@example.com
wrk_run 8 "$seconds" "$work/cached" cycle; wait_drained
for run in 1 2 3; do
  since=$(mark)
  echo "cached views at a fixed 500 req/s, run $run: $(fixed_rate_run); $(collections "$since")"
done
stop_app
