#!/usr/bin/env bash
# The H2 file while a large backlog drains and after it: N webhooks for N distinct contacts (50,000 by default),
# each naming the author's email, are queued with the workers off; then the app drains them at a budget of 120,000
# Intercom calls a minute against the WireMock stubs of bench/perf.sh. It prints the contacts left and the file's
# size every 20 s, the drain's time and the file's peak, the file every 10 s for a minute once nothing is left to do,
# the compaction's rounds and seconds (care_panel_h2_compaction_seconds, count, sum, longest), and the file after a
# normal stop (DEFRAG_ALWAYS) with the time the stop took. Sizes are du's (the blocks the file takes),
# with stat's apparent size beside them while it runs.
#   bench/drain-file.sh [contacts]     APP_JAR (another build's quarkus-run.jar, to compare), JAVA_OPTS (README's
#                                      production options)
set -euo pipefail
contacts=${1:-50000} app_jar=${APP_JAR:+$(realpath "$APP_JAR")}
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
java_opts=${JAVA_OPTS:-$production_java_opts}
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
echo "${app_jar:-target/quarkus-app/quarkus-run.jar}; $contacts contacts; JVM options: $java_opts"
queue_backlog "$work/app" "$contacts"
file="$work/app/data/care-panel.mv.db"
size_mb() { du -m "$file" | cut -f1; }
apparent_mb() { echo $(( $(stat -c %s "$file") / 1048576 )); }
echo "queued; file $(size_mb) MB after a stop"
started=$(date +%s) peak=0
start_app "$work/app" INTERCOM_RATE_LIMIT_PER_MINUTE=120000
while left=$(queue_left); [ "$left" -gt 0 ]; do
  size=$(size_mb); [ "$size" -gt "$peak" ] && peak=$size
  echo "$(( $(date +%s) - started )) s: $left contacts left, file $size MB ($(apparent_mb) MB apparent)"
  sleep 20
done
echo "drained in $(( $(date +%s) - started )) s; file at its peak $peak MB, now $(size_mb) MB"
for i in 1 2 3 4 5 6; do sleep 10; echo "idle, $(( i * 10 )) s later: file $(size_mb) MB ($(apparent_mb) MB apparent)"; done
curl -s "http://127.0.0.1:$app_port/q/metrics" | awk '/^care_panel_h2_compaction_seconds_(count|sum|max)/ {
  sub(/care_panel_h2_compaction_seconds_/, "", $1); printf(" %s %.2f", $1, $2)} END {print ""}' | sed 's/^/compaction:/'
stopping=$(date +%s%N)
stop_app
echo "after a normal stop ($(( ($(date +%s%N) - stopping) / 1000000 )) ms): file $(size_mb) MB"
