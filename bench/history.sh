#!/usr/bin/env bash
# Whether a view, a claim and a sync cost more after a long history: N distinct contacts (100,000 by default) are
# synced first, through webhooks naming each author's email, queued with the workers off and then drained at a
# budget of 120,000 Intercom calls a minute; then the views of bench/perf.sh are measured on that history, the
# store's size is printed, and the app runs a short mix (cold and cached views, webhooks, the status page) while
# the database records which index each statement on sync_job reads through.
#   bench/history.sh [contacts]   HISTORY_DB: h2 (the default, the packaged app's H2 file) or postgresql (the
#                                 PostgreSQL flavour built into target/bench/pg, on a new database care_panel_history
#                                 at 127.0.0.1:5432, user postgres); RUN_SECONDS (10); JAVA_OPTS (README's
#                                 production options, production_java_opts in bench/perf/measure.sh)
set -euo pipefail
contacts=${1:-100000} db=${HISTORY_DB:-h2} seconds=${RUN_SECONDS:-10}
source "$(dirname "$0")/setup.sh"
root=$PWD
source bench/perf/measure.sh
java_opts=${JAVA_OPTS:-$production_java_opts}
need_tools wrk hey
key=$(openssl rand -base64 32) platform_port=$wm_port intercom_port=$(free_port)
h2_url="jdbc:h2:file:$work/views/data/care-panel"
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
if [ "$db" = postgresql ]; then
  QUARKUS_DATASOURCE_DB_KIND=postgresql ./mvnw -q -B package -DskipTests -Dquarkus.package.output-directory=bench/pg
  app_jar="$root/target/bench/pg/quarkus-run.jar"
  pg -c "drop database if exists care_panel_history" -c "create database care_panel_history"
  db_env="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/care_panel_history QUARKUS_DATASOURCE_USERNAME=postgres"
fi
start_stubs no-journal

echo "$(date -u +%FT%RZ), $(nproc) cores, $db, JVM options: $java_opts"
queue_backlog "$work/views" "$contacts"
started=$(date +%s)
start_app "$work/views" INTERCOM_RATE_LIMIT_PER_MINUTE=120000
wait_drained 7200
echo "$contacts contacts synced in $(( $(date +%s) - started )) s; $(queue_left) left"
stop_app

echo
echo "| on $contacts contacts' history, $db | this app |"
echo "|---|---|"
start_app "$work/views"
echo "| start to ready | $ready_ms ms |"
sleep 2; rss_started=$(rss_mb)
view_rows
stop_app

echo
if [ "$db" = postgresql ]; then
  echo "database size after a normal stop: $(pg -d care_panel_history -c "select pg_size_pretty(pg_database_size(current_database()))")"
  pg -d care_panel_history -F ' ' -c "select relname, pg_size_pretty(pg_total_relation_size(relid)), n_live_tup
    from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 6"
  pg -d care_panel_history -c "select pg_stat_reset()" >/dev/null
  start_app "$work/views"
else
  h2_jar=$(find "${HOME}/.m2/repository/com/h2database/h2" -name 'h2-*.jar' | sort | tail -1)
  echo "H2 file after a normal stop: $(( $(stat -c %s "$work/views/data/care-panel.mv.db") / 1048576 )) MB"
  java -cp "$h2_jar" org.h2.tools.Shell -url "$h2_url" -user "" -sql \
    "select table_name, disk_space_used('\"' || table_name || '\"') / 1048576 as mb from information_schema.tables
     where table_schema = 'PUBLIC' order by mb desc limit 6" 2>&1 | head -8
  # H2 refuses AUTO_SERVER (another process asking the open file) with DB_CLOSE_ON_EXIT=FALSE: left out for the mix.
  start_app "$work/views" QUARKUS_DATASOURCE_JDBC_URL="$h2_url;WRITE_DELAY=0;RETENTION_TIME=0;DEFRAG_ALWAYS=TRUE;CACHE_SIZE=4096;QUERY_STATISTICS=TRUE;AUTO_SERVER=TRUE"
fi

# The mix whose statements are checked: cold and cached views, webhooks, and the status page every half second.
gen view "$secret" mix-cold 300; gen view "$secret" mix-cached 1 cached@example.com; gen webhook "$secret" mix-hooks 300
wrk_run 4 5 "$work/mix-cold" once; wrk_run 4 3 "$work/mix-cached" cycle
python3 bench/perf/post.py "$app_port" "$work/mix-hooks"; wait_drained
echo
if [ "$db" = postgresql ]; then
  stop_app
  sleep 1
  echo "what each table was read through during the mix (pg_stat_user_tables):"
  pg -d care_panel_history -F ' | ' -c "select relname, seq_scan, seq_tup_read, idx_scan from pg_stat_user_tables
    where seq_scan + coalesce(idx_scan, 0) > 0 order by relname"
else
  echo "statements on sync_job during the mix (H2's query statistics and plans):"
  java -cp "$h2_jar" bench/perf/H2Plans.java "$h2_url;AUTO_SERVER=TRUE" sync_job
  stop_app
fi
