#!/usr/bin/env bash
# Website tracking at 10,000,000 stored hits (#25), against raw Postgres in the same run:
#   (a) the collect endpoint: page views POSTed by wrk (8 connections, loopback) for DURATION seconds, hits/s and p95,
#       then every answered hit counted in the table; beside pgbench inserting the same rows one per transaction
#       (what a naive endpoint costs the database) and one COPY of the same number of rows;
#   (b) the stitch of a visitor with 1,000 hits: a Leadline form sent with the visitor's id, timed from POST to answer
#       (history attached as activities and the lead rescored), beside one raw INSERT … SELECT of the same 1,000 rows.
# Prints a Markdown table for bench/RESULTS.md. Needs a local Postgres (user postgres, trust), wrk and pgbench.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench_tracking
PORT=18084
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
HITS=${HITS:-10000000}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
command -v pgbench >/dev/null || { echo "install pgbench (apt-get install postgresql-client)"; exit 1; }
. bench/app.sh
fresh_database
start_app tracking -Dleadline.tracking.hits-per-address-minute=1000000000 -Dleadline.tracking.hits-per-visitor-minute=1000000
sign_in tracking
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "name=Bench site" --data-urlencode "origins=https://www.bench.example" \
  -d "honourPrivacySignals=true&_csrf=$(csrf /settings/tracking)" "localhost:$PORT/settings/tracking"
SITE=$($PSQL -d $DB -At -c "select site_key from tracked_site where name = 'Bench site'")
SITE_ID=$($PSQL -d $DB -At -c "select id from tracked_site where name = 'Bench site'")
[ -n "$SITE" ] || { echo "the site was not added"; exit 1; }

echo "seeding $HITS hits"
start=$(date +%s.%N)
$PSQL -d $DB -c "insert into tracking_hit (received_at, site_id, visitor_id, kind, page_view, url, title)
  select now() - (g % 86400) * interval '1 second', $SITE_ID, md5('seed' || (g % 1000000))::uuid, 'page_view', 'pv' || g,
         'https://www.bench.example/page/' || (g % 50), 'Page' from generate_series(1, $HITS) g"
$PSQL -d $DB -c "insert into tracked_visitor (id, site_id, first_seen, last_seen)
  select distinct md5('seed' || (g % 1000000))::uuid, $SITE_ID, now(), now() from generate_series(1, 1000000) g"
SEED_S=$(echo "$(date +%s.%N) - $start" | bc)
$PSQL -d $DB -c "vacuum analyze tracking_hit" -c "checkpoint"

# (a) the collect endpoint
export SITE
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/tracking/collect.lua "http://localhost:$PORT" > /dev/null 2>"$OUT/tracking-warmup.err"
before=$($PSQL -d $DB -At -c "select count(*) from tracking_hit")
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/tracking/collect.lua "http://localhost:$PORT" > "$OUT/tracking-wrk.txt" 2>"$OUT/tracking-wrk.err"
RESULT=$(grep '^RESULT' "$OUT/tracking-wrk.txt")
eval "$(echo "$RESULT" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/W_/')"
sleep 2
after=$($PSQL -d $DB -At -c "select count(*) from tracking_hit")
STORED=$((after - before))
ANSWERED=$((W_requests - W_errors))
RATE=$(echo "scale=0; $W_requests / $W_seconds" | bc)

# the raw baselines: the same rows, one INSERT per transaction from the same number of clients; and one COPY
cat > "$OUT/tracking-insert.sql" <<SQL
insert into tracking_hit (received_at, site_id, visitor_id, kind, page_view, url, title, referrer)
values (now(), $SITE_ID, md5('raw' || random())::uuid, 'page_view', 'pv1', 'https://www.bench.example/page/7', 'Page', null);
SQL
PGBENCH=$(pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$OUT/tracking-insert.sql" $DB 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
$PSQL -d $DB -At -c "select now(), $SITE_ID, md5('copy' || g)::uuid, 'page_view', 'pv' || g, 'https://www.bench.example/page/' || (g % 50), 'Page'
  from generate_series(1, $STORED) g" -F ',' > "$OUT/tracking-copy.csv"
start=$(date +%s.%N)
$PSQL -d $DB -c "\\copy tracking_hit (received_at, site_id, visitor_id, kind, page_view, url, title) from '$OUT/tracking-copy.csv' csv"
COPY_S=$(echo "$(date +%s.%N) - $start" | bc)

# (b) the stitch of a visitor with 1,000 hits
ANSWER=$(curl -s -H 'Content-Type: text/plain' -H 'Origin: https://www.bench.example' \
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36' \
  -d '{"k":"page_view","pid":"stitchvisitor0000000001","pv":"s1","url":"https://www.bench.example/pricing"}' \
  "localhost:$PORT/t/$SITE/collect")
TOKEN=$(echo "$ANSWER" | sed -n 's/.*"v":"\([^"]*\)".*/\1/p')
VISITOR=$(echo "$TOKEN" | cut -d. -f2)
sleep 1
$PSQL -d $DB -c "insert into tracking_hit (received_at, site_id, visitor_id, kind, page_view, url, title)
  select now() - g * interval '1 minute', $SITE_ID, '$VISITOR', 'page_view', 'st' || g, 'https://www.bench.example/page/' || (g % 50), 'Page'
  from generate_series(1, 999) g"
FORM=$(curl -s -c "$OUT/tracking-form.txt" "localhost:$PORT/forms/bench?lv=$TOKEN")
FORM_TOKEN=$(echo "$FORM" | sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' | head -n 1)
STITCH_S=$(curl -s -o /dev/null -w '%{time_total}' -b "$OUT/tracking-form.txt" --data-urlencode "token=$FORM_TOKEN" \
  --data-urlencode "lv=$TOKEN" -d "email=stitched@bench.example&full_name=Stitched" "localhost:$PORT/forms/bench")
LEAD=$($PSQL -d $DB -At -c "select id from lead where email = 'stitched@bench.example'")
ATTACHED=$($PSQL -d $DB -At -c "select count(*) from activity where lead_id = $LEAD and type in ('web_visit', 'pricing_page_visit')")
start=$(date +%s.%N)
$PSQL -d $DB -c "insert into activity (lead_id, type, occurred_at, detail)
  select $LEAD, 'web_visit', received_at, url from tracking_hit where visitor_id = '$VISITOR' order by received_at"
RAW_STITCH_S=$(echo "$(date +%s.%N) - $start" | bc)

TOTAL=$($PSQL -d $DB -At -c "select count(*) from tracking_hit")
printf '\n### Website tracking (%s, %s stored hits, %s connections, %s s)\n\n' "$(date -u +%Y-%m-%d)" "$TOTAL" "$CONNECTIONS" "$DURATION"
echo "| Step | Leadline | Raw Postgres, same run | Ratio | Target |"
echo "|---|---|---|---|---|"
echo "| collect: page views/s | $RATE/s (p50 ${W_p50_ms} ms, p95 ${W_p95_ms} ms) | $(printf '%.0f' "$PGBENCH")/s single-row INSERTs | $(echo "scale=2; $RATE / $PGBENCH" | bc)× | ≥ 3,000/s, p95 < 50 ms |"
echo "| collect: every answered hit stored | $STORED of $ANSWERED | — | — | all |"
echo "| collect: the same rows by COPY | — | $(echo "scale=0; $STORED / $COPY_S" | bc)/s | — | — |"
echo "| stitch of a visitor with 1,000 hits ($ATTACHED attached) | ${STITCH_S} s | ${RAW_STITCH_S} s (INSERT … SELECT) | $(echo "scale=1; $STITCH_S / $RAW_STITCH_S" | bc)× | < 1 s |"
echo "| seeding $HITS hits by one INSERT … SELECT | — | ${SEED_S} s | — | — |"
