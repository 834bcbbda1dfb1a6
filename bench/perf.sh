#!/usr/bin/env bash
# The cost of a view and of a sync, measured from outside on the packaged app (H2 file), against a WireMock
# platform answering in 40 ms and a WireMock Intercom: start to ready, memory, cold views (a new contact and
# email each time) at 1/16/64 connections, cached views (one contact) at 32 connections and at a fixed 500 req/s,
# app CPU per 1,000 views (after a warm-up of cold views that is not counted), and the drain of a backlog of
# syncs at 600 and 10,000 Intercom calls a minute.
# Prints a Markdown table. Installs wrk and hey (Debian packages) when missing.
#   bench/perf.sh       STARTS (5), RUN_SECONDS (10), DRAIN_SLOW (480 contacts at 600/min),
#                       DRAIN_FAST (12000 contacts at 10,000/min), JAVA_OPTS (none: the JVM's defaults)
set -euo pipefail
starts=${STARTS:-5} seconds=${RUN_SECONDS:-10} java_opts=${JAVA_OPTS:-}
drains=("600 ${DRAIN_SLOW:-480}" "10000 ${DRAIN_FAST:-12000}")
for tool in wrk hey; do
  command -v "$tool" >/dev/null || $( [ "$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -q "$tool" >/dev/null \
    || echo "note: $tool could not be installed; its rows are left out" >&2
done
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
start_stubs journal
gen() { python3 bench/perf/signed.py "$@" >"$work/$3"; }

echo "$(date -u +%FT%RZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start (other processes' load makes every number noisy), JVM options: ${java_opts:-none}"
echo
echo "| | this app |"
echo "|---|---|"
ready=()
for n in $(seq 1 "$starts"); do
  start_app "$work/views"; ready+=("$ready_ms")
  [ "$n" -lt "$starts" ] && stop_app
done
sleep 2
echo "| start to ready (median of $starts) | $(printf '%s\n' "${ready[@]}" | median) ms (${ready[*]}) |"
rss_started=$(rss_mb)

cpu_per_1000() { # ticks before -> CPU seconds per 1,000 of the $sent views, once their syncs are done
  wait_drained
  python3 -c "import os,sys; print('%.2f' % ((int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK') * 1000 / int(sys.argv[3])))" \
    "$1" "$(cpu_ticks)" "$sent"
}
# Warm-up, not counted: the JIT compiles the view's and the sync's code during the first thousands of requests
# (19.7 s of compiler time in a 20 s cold profile right after start), which is a cost of starting, not of a view.
gen view "$secret" warmup 4000
wrk_run 4 "$seconds" "$work/warmup" once; wait_drained
gen view "$secret" cold1 3000
before=$(cpu_ticks); wrk_run 1 "$seconds" "$work/cold1" once
echo "| cold view (new email each time), 1 connection | $(wrk_summary) |"
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
  printf '%s' "$(cut -f4 "$work/cached")" >"$work/cached.body"
  hey -z "${seconds}s" -c 10 -q 50 -m POST -T application/json -H "X-Body-Signature: $(cut -f3 "$work/cached")" \
    -D "$work/cached.body" "http://127.0.0.1:$app_port/canvas/initialize" >"$work/hey.out"
  echo "| cached view at a fixed 500 req/s (hey, 10 workers × 50/s) | $(awk '/Requests\/sec/ {rps=$2} / 50% in/ {p50=$3*1000} / 99% in/ {p99=$3*1000}
    /^ *\[[0-9]+\][ \t]+[0-9]+ responses/ && !/\[200\]/ {err=err ", " $0} END {printf "p50 %.1f ms / p99 %.1f ms, %d req/s%s", p50, p99, rps, err}' "$work/hey.out") |"
fi
echo "| app CPU per 1,000 views, cold (1 connection) / cached (32), with the syncs they caused | $cold_cpu s / $cached_cpu s |"
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
[ -n "${BENCH_DEBUG:-}" ] && cp "$work/app.log" "${BENCH_DEBUG}"
exit 0
