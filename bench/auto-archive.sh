#!/usr/bin/env bash
# The start with the class archive a JDK 19 or later makes by itself (-XX:+AutoCreateSharedArchive; README,
# "Running in production"): no training run, unlike bench/aot-cache.sh. Starts the packaged app (H2 file) against
# the bench's stubs STARTS times without the option, then once with it (the start whose stop writes the archive),
# then STARTS times with the archive written. The machine's own changes count too: compare within one run only.
#   bench/auto-archive.sh     STARTS (5), JAVA_OPTS (README's production options), AUTO_JAVA (a JDK 19 or later;
#                             by default the first JDK 25 or later that bench/perf.sh would use)
set -euo pipefail
starts=${STARTS:-5}
# The JDK first, before setup.sh packages the app.
source "$(dirname "$0")/perf/measure.sh"
java_cmd=${AUTO_JAVA:-$(aot_java)}
if [ -z "$java_cmd" ] || [ "$(java_feature "$java_cmd")" -lt 19 ]; then
  echo "no JDK 25 or later found: set AUTO_JAVA to the java of a JDK 19 or later" >&2
  exit 1
fi
source "$(dirname "$0")/setup.sh"
root=$PWD
base=${JAVA_OPTS:-$production_java_opts}
archive="$work/auto.jsa"
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
# start_times OPTIONS N: N starts to ready with OPTIONS; prints "median ms (each), RSS MB after the last". A start
# that fails ends the script (the callers assign its output, so set -e applies).
start_times() {
  local ready=() rss n
  java_opts="$1"
  for n in $(seq 1 "$2"); do
    start_app "$work/data" || exit 1
    ready+=("$ready_ms"); sleep 1; rss=$(rss_mb); stop_app
  done
  echo "$(printf '%s\n' "${ready[@]}" | median) ms (${ready[*]}), RSS $rss MB"
}
auto="$base -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archive -Xlog:cds=error"
echo "$("$java_cmd" -version 2>&1 | head -1), JVM options: $base"
without=$(start_times "$base" "$starts")
echo "without an archive (median of $starts): $without"
first=$(start_times "$auto" 1)
[ -f "$archive" ] || { echo "no archive written; the app's log:" >&2; tail -5 "$work/app.log" >&2; exit 1; }
echo "the first start with the option, which writes the archive as the app stops: $first; archive $(( $(stat -c %s "$archive") / 1048576 )) MB"
with=$(start_times "$auto" "$starts")
echo "with the archive it wrote (median of $starts): $with"
echo "warnings of the JVM's class archive in the app's log: $(grep -c '\]\[cds' "$work/app.log" || true)"
