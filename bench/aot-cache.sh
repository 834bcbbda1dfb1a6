#!/usr/bin/env bash
# Trains an AOT cache for the packaged app (JDK 25 or later, JEP 483/515): starts it with -XX:AOTCacheOutput
# against the bench's WireMock platform and Intercom, sends it cold and cached views and webhooks so that their
# classes load too, stops it, and the JVM writes target/quarkus-app/app.aot. Start the app with the same JDK and
# options and -XX:AOTCache=target/quarkus-app/app.aot; the cache must be trained again after each build.
#   bench/aot-cache.sh      AOT_JAVA (a JDK 25 or later's java; by default java if it is one, else the first
#                           found under /usr/lib/jvm),
#                           JAVA_OPTS (those the app will run with; the JDK refuses a cache of other options)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
need_tools wrk
java_cmd=$(aot_java || true)
[ -n "$java_cmd" ] || { echo "no JDK 25 or later found: set AOT_JAVA to its java" >&2; exit 1; }
cache="$root/target/quarkus-app/app.aot"
rm -f "$cache"
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
java_opts="${JAVA_OPTS:-} -XX:AOTCacheOutput=$cache"
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
