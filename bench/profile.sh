#!/usr/bin/env bash
# Where the app's CPU goes under one load, from JDK Flight Recorder: starts the packaged app (H2 file) with a
# recording against the same WireMock stubs as bench/perf.sh, runs the load, then prints the hottest methods
# (own time) and the app's own methods by samples that pass through them.
#   bench/profile.sh cold|cached|drain [SECONDS (20)]       (JAVA_OPTS; COLD_CONNECTIONS, 1)
#     cold    new contact and email each view, COLD_CONNECTIONS connections
#     cached  one contact's view, 32 connections
#     drain   a backlog of 4000 syncs at 10,000 Intercom calls a minute
set -euo pipefail
scenario=${1:?cold, cached or drain} seconds=${2:-20} java_opts=""
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs no-journal
mkdir -p "$root/target/bench"
recording="$root/target/bench/$scenario.jfr"
case $scenario in
  cold) python3 bench/perf/signed.py view "$secret" cold 20000 >"$work/requests" ;;
  cached) python3 bench/perf/signed.py view "$secret" cached 1 cached@example.com >"$work/requests" ;;
  drain)
    python3 bench/perf/signed.py webhook "$secret" drain 4000 >"$work/requests"
    start_app "$work/data" SYNC_WORKERS=0
    python3 bench/perf/post.py "$app_port" "$work/requests"
    stop_app
    ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac
# The recording starts after a warm-up of cold views (the JIT's compiling would otherwise fill it) and, for the
# drain, once the backlog is queued.
java_opts="${JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=512"
record() { jcmd "$app_pid" JFR.start name=bench settings=profile filename="$recording" >/dev/null; }
if [ "$scenario" = drain ]; then
  start_app "$work/data" INTERCOM_RATE_LIMIT_PER_MINUTE=10000
  record
  sleep "$seconds"
  echo "$(queue_left) syncs left after $seconds s"
else
  python3 bench/perf/signed.py view "$secret" warmup 4000 >"$work/warmup"
  start_app "$work/data"
  wrk_run 4 20 "$work/warmup" once; wait_drained
  record
  if [ "$scenario" = cold ]; then
    wrk_run "${COLD_CONNECTIONS:-1}" "$seconds" "$work/requests" once
  else
    wrk_run 32 "$seconds" "$work/requests" cycle
  fi
  echo "$(wrk_summary), $sent requests"
  wait_drained
fi
jcmd "$app_pid" JFR.stop name=bench >/dev/null
stop_app
jfr print --json --stack-depth 512 --events jdk.ExecutionSample "$recording" | python3 bench/perf/top_frames.py
echo; echo "allocations:"
jfr print --json --stack-depth 512 --events jdk.ObjectAllocationSample "$recording" | python3 bench/perf/top_frames.py
echo "recording: $recording"
