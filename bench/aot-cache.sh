#!/usr/bin/env bash
# Trains the packaged app's class cache for one JDK: starts the app against the bench's WireMock platform and
# Intercom, sends it cold and cached views and webhooks so that their classes load too, and stops it; the JVM then
# writes the cache into target/quarkus-app:
#   - on JDK 25 or later, an AOT cache (JEP 483/515): app.aot, used with -XX:AOTCache=target/quarkus-app/app.aot;
#   - on JDK 17 to 24, an AppCDS archive of every class loaded (-XX:ArchiveClassesAtExit): app-cds.jsa, used with
#     -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa.
# Start the app with the same JDK and options. Train again after each build: the JDK checks the jars' dates and
# runs without a cache that does not match (with a warning), or refuses one under -XX:AOTMode=on.
# (The package's own quarkus.package.jar.appcds.enabled archive only holds what Quarkus's static init loads: on
# this app it started no faster than none, 7.0-8.8 s against 7.3-8.7 s, where this one took 3.2-4.1 s.)
#   bench/aot-cache.sh      TRAIN_JAVA (the java to train for; java by default),
#                           JAVA_OPTS (those the app will run with)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
need_tools wrk
java_cmd=$(command -v "${TRAIN_JAVA:-java}") || { echo "no java ${TRAIN_JAVA:-}" >&2; exit 1; }
if [ "$(java_feature "$java_cmd")" -ge 25 ]; then
  cache="$root/target/quarkus-app/app.aot" option=-XX:AOTCacheOutput
else
  cache="$root/target/quarkus-app/app-cds.jsa" option=-XX:ArchiveClassesAtExit
fi
rm -f "$cache"
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
java_opts="${JAVA_OPTS:-} $option=$cache"
start_app "$work/train"
gen view "$secret" cold 600
gen view "$secret" cached 1 cached@example.com
gen webhook "$secret" webhooks 200
wrk_run 4 5 "$work/cold" once
wrk_run 4 3 "$work/cached" cycle
python3 bench/perf/post.py "$app_port" "$work/webhooks"
wait_drained
stop_app
[ -f "$cache" ] || { echo "no cache written; the app's log:" >&2; tail -5 "$work/app.log" >&2; exit 1; }
echo "$cache ($(( $(stat -c %s "$cache") / 1048576 )) MB) for $java_cmd ${JAVA_OPTS:-}"
