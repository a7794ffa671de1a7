#!/usr/bin/env bash
# Accounts at 1,000,000 leads (50,000 accounts): what keeping account scores current costs the writers (the V52
# triggers on a million-row insert and update of lead_score, against the same statements with the triggers off, in
# one run), how long the roll-up takes to catch up, and the accounts view through the app (wrk) against its SQL
# (pgbench). Prints a Markdown table for bench/RESULTS.md. Needs: local Postgres (postgres, trust), wrk, pgbench.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench
PORT=18080
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-4}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
. bench/app.sh
fresh_database
# The roll-up is off while the writes are timed (the app would drain account_change meanwhile); on for catching up.
start_app accounts ${APP_OPTS:-} -Dleadline.accounts.rollup-enabled=false
stop_app_only() { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }

secs() { date +%s.%N; }
echo "seeding 1,000,000 leads in 50,000 accounts"
$PSQL -d $DB -c "\\i bench/accounts/seed.sql" \
  -c "alter table lead_score disable trigger user" \
  -c "\\timing on" -c "\\i bench/accounts/scores.sql" \
  -c "update lead_score set score = score + 1" \
  -c "truncate lead_score" \
  -c "alter table lead_score enable trigger user" \
  -c "\\i bench/accounts/scores.sql" \
  -c "update lead_score set score = score - 1" > "$OUT/accounts-writes.txt"
mapfile -t T < <(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$OUT/accounts-writes.txt")
# T: insert (off), update (off), truncate, enable, insert (on), update (on)
NOTED=$($PSQL -d $DB -At -c "select count(*) from account_change")
$PSQL -d $DB -c "analyze"

stop_app_only
trap stop_app EXIT
start_app accounts ${APP_OPTS:-}
t0=$(secs)
for _ in $(seq 1 600); do
  left=$($PSQL -d $DB -At -c "select count(*) from account_change")
  [ "$left" = 0 ] && break; sleep 0.5
done
ROLLUP=$(echo "$(secs) - $t0" | bc)
ACCOUNTS=$($PSQL -d $DB -At -c "select count(*) from account_score")
MQAS=$($PSQL -d $DB -At -c "select count(*) from account_score where mqa")
$PSQL -d $DB -c "analyze account_score"

COLS="select a.id as account_id, a.name, a.owner, coalesce(s.score, 0) as score, coalesce(s.mqa, false) as mqa, coalesce(s.contacts, 0) as contacts, coalesce(s.engaged_contacts, 0) as engaged_contacts, coalesce(s.roles, '{}') as roles, coalesce(s.sources, '{}') as sources, s.mqa_since, s.updated_at from account_score s join account a on a.id = s.account_id where true"
read -r DS DI <<<"$($PSQL -d $DB -At -F ' ' -c "select score, account_id from account_score order by score desc, account_id desc offset 24999 limit 1")"
echo "$COLS order by s.score desc, s.account_id desc limit 51;" > "$OUT/acc-first.sql"
echo "$COLS and (s.score, s.account_id) < ($DS, $DI) order by s.score desc, s.account_id desc limit 51;" > "$OUT/acc-deep.sql"
echo "$COLS and s.mqa order by s.score desc, s.account_id desc limit 51;" > "$OUT/acc-mqa.sql"
$PSQL -d $DB -c "explain (analyze, buffers) $(sed 's/;$//' "$OUT/acc-deep.sql")" > "$OUT/explain-acc-deep.txt"

pg() {  # name file -> p50 p95 tps
  rm -f "$OUT"/pgbench_log.*
  pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$2" -l --log-prefix="$OUT/pgbench_log" "$DB" > "$OUT/pgbench-$1.txt" 2>&1
  local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$1.txt")
  cat "$OUT"/pgbench_log.* | awk '{print $3/1000}' | sort -n > "$OUT/lat-$1.txt"
  local n; n=$(wc -l < "$OUT/lat-$1.txt")
  echo "$(sed -n "$((n / 2))p" "$OUT/lat-$1.txt") $(sed -n "$((n * 95 / 100))p" "$OUT/lat-$1.txt") $tps"
}
sign_in accounts
SESSION=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$COOKIES")
curl -sf -b "$SESSION" "localhost:$PORT/accounts" > "$OUT/accounts.html"
grep -q "Bench Company" "$OUT/accounts.html" || { echo "the accounts page did not answer"; exit 1; }
ONE=$($PSQL -d $DB -At -c "select account_id from account_score order by score desc limit 1")
web() {  # name url -> p50 p95 rps
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" -H "Cookie: $SESSION" -s bench/queue/report.lua "$2" > "$OUT/wrk-$1.txt"
  grep -q '^errors=0$' "$OUT/wrk-$1.txt" || { echo "wrk saw errors on $1"; cat "$OUT/wrk-$1.txt"; exit 1; }
  echo "$(sed -n 's/^p50_ms=//p' "$OUT/wrk-$1.txt") $(sed -n 's/^p95_ms=//p' "$OUT/wrk-$1.txt") $(sed -n 's/^rps=//p' "$OUT/wrk-$1.txt")"
}
wrk -t 1 -c 2 -d 5s -H "Cookie: $SESSION" "http://localhost:$PORT/accounts" > /dev/null
read -r PF50 PF95 PFT <<<"$(pg first "$OUT/acc-first.sql")"
read -r PD50 PD95 PDT <<<"$(pg deep "$OUT/acc-deep.sql")"
read -r PM50 PM95 PMT <<<"$(pg mqa "$OUT/acc-mqa.sql")"
read -r WF50 WF95 WFT <<<"$(web first "http://localhost:$PORT/accounts")"
read -r WD50 WD95 WDT <<<"$(web deep "http://localhost:$PORT/accounts?after=${DS}_${DI}")"
read -r WM50 WM95 WMT <<<"$(web mqa "http://localhost:$PORT/accounts?mqa=true")"
read -r WO50 WO95 WOT <<<"$(web owner "http://localhost:$PORT/accounts?owner=bench-rep&roles=2")"
read -r WA50 WA95 WAT <<<"$(web account "http://localhost:$PORT/accounts/$ONE")"
ratio() { echo "scale=2; $1 / $2" | bc; }
cat <<TABLE

Leads: 1,000,000 in $ACCOUNTS accounts ($MQAS MQAs). $CONNECTIONS connections, ${DURATION} s each, on loopback.

Writers (the same statements, V52's triggers off, then on):

| statement | triggers off | triggers on | ratio |
|---|---:|---:|---:|
| insert 1,000,000 lead_score rows | ${T[0]} ms | ${T[4]} ms | $(ratio "${T[4]}" "${T[0]}")× |
| update every lead_score row | ${T[1]} ms | ${T[5]} ms | $(ratio "${T[5]}" "${T[1]}")× |

Noted changes after the two statements: $NOTED; the roll-up caught up with all of them in $ROLLUP s.

| what | p50 | p95 | per second |
|---|---:|---:|---:|
| raw Postgres, page 1 query (pgbench) | $PF50 ms | $PF95 ms | $PFT |
| raw Postgres, page 500 query (pgbench) | $PD50 ms | $PD95 ms | $PDT |
| raw Postgres, MQAs page 1 (pgbench) | $PM50 ms | $PM95 ms | $PMT |
| Leadline /accounts page 1 (wrk) | $WF50 ms | $WF95 ms | $WFT |
| Leadline /accounts page 500 (wrk) | $WD50 ms | $WD95 ms | $WDT |
| Leadline /accounts MQAs only (wrk) | $WM50 ms | $WM95 ms | $WMT |
| Leadline /accounts one owner, 2+ roles (wrk) | $WO50 ms | $WO95 ms | $WOT |
| Leadline /accounts/{id} (wrk) | $WA50 ms | $WA95 ms | $WAT |
TABLE
echo; echo "EXPLAIN ANALYZE, page 500:"; cat "$OUT/explain-acc-deep.txt"
