#!/usr/bin/env bash
# The sales queue at 1,000,000 leads: page 1 and page 10,000 through the app (wrk on loopback) against the
# same SQL run straight on Postgres (pgbench), in one run. Prints a Markdown table for bench/RESULTS.md.
# Needs: a local Postgres (user postgres, trust), wrk and pgbench (Debian packages wrk, postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench
PORT=18080
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-4}
USERS=${USERS:-8}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
. bench/app.sh
fresh_database
start_app queue ${APP_OPTS:-}

echo "seeding 1,000,000 leads"
time $PSQL -d $DB -f bench/queue/seed.sql
settle_seed

# The queue query exactly as JdbcSalesQueue sends it (first page, and the page after a cursor).
SELECT="select s.lead_id, l.full_name, l.email, l.company, l.job_title, l.source, s.score, s.grade, s.priority, s.stage, l.owner, coalesce(s.queued_at, s.scored_at) as in_queue_since from lead_score s join lead l on l.id = s.lead_id where s.stage in ('MQL', 'ACCEPTED', 'SQL')"
CURSOR=$($PSQL -d $DB -At -c "select s.priority || ' ' || s.lead_id from lead_score s where s.stage in ('MQL', 'ACCEPTED', 'SQL') order by -s.priority, s.lead_id offset 499949 limit 1")
read -r P ID <<<"$CURSOR"
IN_QUEUE=$($PSQL -d $DB -At -c "select count(*) from lead_score where stage in ('MQL', 'ACCEPTED', 'SQL')")
echo "select * from ($SELECT order by -s.priority, s.lead_id limit 51) q;" > "$OUT/first.sql"
echo "select * from ($SELECT and (-s.priority, s.lead_id) > (-$P, $ID) order by -s.priority, s.lead_id limit 51) q;" > "$OUT/deep.sql"
$PSQL -d $DB -c "explain (analyze, buffers) $(sed 's/;$//' "$OUT/first.sql")" > "$OUT/explain-first.txt"
$PSQL -d $DB -c "explain (analyze, buffers) $(sed 's/;$//' "$OUT/deep.sql")" > "$OUT/explain-deep.txt"

pg() {  # name file -> p50 p95 tps
  rm -f "$OUT"/pgbench_log.*
  pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$2" -l --log-prefix="$OUT/pgbench_log" "$DB" > "$OUT/pgbench-$1.txt" 2>&1
  local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$1.txt")
  cat "$OUT"/pgbench_log.* | awk '{print $3/1000}' | sort -n > "$OUT/lat-$1.txt"
  local n; n=$(wc -l < "$OUT/lat-$1.txt")
  echo "$(sed -n "$((n / 2))p" "$OUT/lat-$1.txt") $(sed -n "$((n * 95 / 100))p" "$OUT/lat-$1.txt") $tps"
}

# A session for the app: sign in as the admin once.
sign_in queue
# The session cookie: SESSION (sessions in Postgres), or JSESSIONID when run with APP_OPTS excluding them.
SESSION=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$COOKIES")
curl -sf -b "$SESSION" "localhost:$PORT/queue" > "$OUT/queue.html"
grep -q "Bench Lead" "$OUT/queue.html" || { echo "the queue page did not answer"; exit 1; }
# Page 10,000 must be a page after a cursor (it links back to the first page), not page 1 again.
curl -sf -b "$SESSION" "localhost:$PORT/queue?afterKey=-$P&afterId=$ID" > "$OUT/queue-deep.html"
grep -q "First page" "$OUT/queue-deep.html" || { echo "the deep page is not read after its cursor"; exit 1; }

web() {  # name url -> p50 p95 rps
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" -H "Cookie: $SESSION" -s bench/queue/report.lua "$2" > "$OUT/wrk-$1.txt"
  grep -q '^errors=0$' "$OUT/wrk-$1.txt" || { echo "wrk saw errors on $1"; cat "$OUT/wrk-$1.txt"; exit 1; }
  echo "$(sed -n 's/^p50_ms=//p' "$OUT/wrk-$1.txt") $(sed -n 's/^p95_ms=//p' "$OUT/wrk-$1.txt") $(sed -n 's/^rps=//p' "$OUT/wrk-$1.txt")"
}

# Warm both, then measure.
wrk -t 1 -c 2 -d 5s -H "Cookie: $SESSION" "http://localhost:$PORT/queue" > /dev/null
read -r PF50 PF95 PFT <<<"$(pg first "$OUT/first.sql")"
read -r PD50 PD95 PDT <<<"$(pg deep "$OUT/deep.sql")"
read -r WF50 WF95 WFT <<<"$(web first "http://localhost:$PORT/queue")"
read -r WD50 WD95 WDT <<<"$(web deep "http://localhost:$PORT/queue?afterKey=-$P&afterId=$ID")"

# The same pages with $USERS reps signed in, each wrk connection its own user's session (issue #27): the admin adds
# the reps, each signs in with a cookie jar of their own.
CSRF=$(csrf /settings)
: > "$OUT/sessions.txt"
for n in $(seq 1 "$USERS"); do
  curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" -d "username=bench-rep-$n&password=bench-rep-password-$n&role=SALES&capacity=25&_csrf=$CSRF" \
    "localhost:$PORT/settings/users"
  JAR="$OUT/rep-$n-cookies.txt"; rm -f "$JAR"
  TOKEN=$(curl -s -c "$JAR" -b "$JAR" "localhost:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" -d "username=bench-rep-$n&password=bench-rep-password-$n&_csrf=$TOKEN" "localhost:$PORT/login"
  awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$JAR" >> "$OUT/sessions.txt"
  curl -sf -b "$(tail -n 1 "$OUT/sessions.txt")" "localhost:$PORT/queue" > "$OUT/rep-queue.html"
  grep -q "Bench Lead" "$OUT/rep-queue.html" || { echo "rep $n could not open the queue"; exit 1; }
done
users() {  # name url -> p50 p95 rps
  SESSIONS="$OUT/sessions.txt" wrk -t "$USERS" -c "$USERS" -d "${DURATION}s" -s bench/queue/sessions.lua "$2" > "$OUT/wrk-users-$1.txt"
  grep -q '^errors=0$' "$OUT/wrk-users-$1.txt" || { echo "wrk saw errors on $1"; cat "$OUT/wrk-users-$1.txt"; exit 1; }
  echo "$(sed -n 's/^p50_ms=//p' "$OUT/wrk-users-$1.txt") $(sed -n 's/^p95_ms=//p' "$OUT/wrk-users-$1.txt") $(sed -n 's/^rps=//p' "$OUT/wrk-users-$1.txt")"
}
SESSIONS="$OUT/sessions.txt" wrk -t "$USERS" -c "$USERS" -d 15s -s bench/queue/sessions.lua "http://localhost:$PORT/queue" > /dev/null
read -r UF50 UF95 UFT <<<"$(users first "http://localhost:$PORT/queue")"
read -r UD50 UD95 UDT <<<"$(users deep "http://localhost:$PORT/queue?afterKey=-$P&afterId=$ID")"

cat <<TABLE

Leads: 1,000,000, of which $IN_QUEUE in the queue; page 10,000 starts after lead $ID (priority $P).
$CONNECTIONS connections, ${DURATION} s each, on loopback.

| what | p50 | p95 | per second |
|---|---:|---:|---:|
| raw Postgres, page 1 query (pgbench) | $PF50 ms | $PF95 ms | $PFT |
| raw Postgres, page 10,000 query (pgbench) | $PD50 ms | $PD95 ms | $PDT |
| Leadline /queue page 1 (wrk) | $WF50 ms | $WF95 ms | $WFT |
| Leadline /queue page 10,000 (wrk) | $WD50 ms | $WD95 ms | $WDT |
| Leadline /queue page 1, $USERS reps each in their own session (wrk -c $USERS) | $UF50 ms | $UF95 ms | $UFT |
| Leadline /queue page 10,000, $USERS reps each in their own session | $UD50 ms | $UD95 ms | $UDT |
TABLE
echo
echo "EXPLAIN ANALYZE, page 10,000:"; cat "$OUT/explain-deep.txt"
