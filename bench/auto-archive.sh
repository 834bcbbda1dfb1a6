#!/usr/bin/env bash
# The start with a class archive the JVM makes by itself (JDK 19 or later: -XX:+AutoCreateSharedArchive): the
# first start runs without one and the JVM writes the archive of the classes it loaded when the app stops; each
# later start maps them from it, and a start whose jars changed writes it again. No training run, unlike
# bench/aot-cache.sh. Starts the packaged app (H2 file) against the bench's stubs STARTS times without the option,
# then once to make the archive and STARTS times with it, alternating nothing: compare within one run only.
#   bench/auto-archive.sh     STARTS (5), JAVA_OPTS (README's production options), AUTO_JAVA (a JDK 19 or later;
#                             by default the first JDK 25 or later that bench/perf.sh would use)
set -euo pipefail
starts=${STARTS:-5}
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
java_cmd=${AUTO_JAVA:-$(aot_java)}
[ -n "$java_cmd" ] && [ "$(java_feature "$java_cmd")" -ge 19 ] || { echo "needs a JDK 19 or later (AUTO_JAVA)" >&2; exit 1; }
base=${JAVA_OPTS:-$production_java_opts}
archive="$work/auto.jsa"
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
# starts OPTIONS N: N starts to ready with OPTIONS; prints "median ms (each), RSS MB after the last".
starts() {
  local ready=() rss n
  java_opts="$1"
  for n in $(seq 1 "$2"); do
    start_app "$work/data"; ready+=("$ready_ms"); sleep 1; rss=$(rss_mb); stop_app
  done
  echo "$(printf '%s\n' "${ready[@]}" | median) ms (${ready[*]}), RSS $rss MB"
}
auto="$base -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archive -Xlog:cds=error"
echo "$("$java_cmd" -version 2>&1 | head -1), JVM options: $base"
echo "without an archive (median of $starts): $(starts "$base" "$starts")"
echo "the first start with the option, which writes the archive as the app stops: $(starts "$auto" 1); archive $(( $(stat -c %s "$archive") / 1048576 )) MB"
echo "with the archive it wrote (median of $starts): $(starts "$auto" "$starts")"
