#!/usr/bin/env bash
# What the H2 file's compaction costs the cached view: the packaged app (H2 file) against the stubs of
# bench/perf.sh takes a warm-up of cold views (a few thousand contacts' rows), then two runs of cached views at 32
# connections and three at the fixed 500 req/s. Each run prints its latency and throughput (the 32-connection runs
# also the app's CPU per 1,000 views), the collections in it, the compaction's steps and seconds so far
# (care_panel_h2_compaction_seconds, by step) and the file's size after it.
#   bench/compaction.sh    APP_JAR (another build's quarkus-run.jar, to compare), JAVA_OPTS (README's
#                          production options), RUN_SECONDS (10)
set -euo pipefail
seconds=${RUN_SECONDS:-10} app_jar=${APP_JAR:+$(realpath "$APP_JAR")}
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
need_tools wrk hey
with_gc_log
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
start_app "$work/data"
echo "${app_jar:-target/quarkus-app/quarkus-run.jar}; JVM options: $java_opts"
# after_run SINCE: the collections logged after line SINCE of the GC log, the compaction so far, the file's size.
after_run() {
  local steps
  steps=$(curl -s "http://127.0.0.1:$app_port/q/metrics" | awk '/^care_panel_h2_compaction_seconds_(count|sum)/ {
    sub(/care_panel_h2_compaction_seconds_/, "", $1); printf($1 ~ /^count/ ? " %s %d" : " %s %.2f", $1, $2)}')
  echo "$(collections "$1"); compaction so far:${steps:- none}; file $(du -m "$work"/data/data/*.mv.db | cut -f1) MB"
}
gen view "$secret" warmup 4000
wrk_run 4 "$seconds" "$work/warmup" once; wait_drained
gen view "$secret" cached 1 cached@example.com
for run in 1 2; do
  since=$(mark) before=$(cpu_ticks)
  wrk_run 32 "$seconds" "$work/cached" cycle
  echo "cached views at 32 connections, run $run: $(wrk_summary), $(cpu_per_1000 "$before") s of CPU per 1,000; $(after_run "$since")"
done
for run in 1 2 3; do
  since=$(mark)
  echo "cached views at a fixed 500 req/s, run $run: $(fixed_rate_run); $(after_run "$since")"
done
stop_app
