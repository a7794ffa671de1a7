#!/usr/bin/env bash
# Activity ingestion at 1,000,000 stored leads: batches of tracked events POSTed to /api/activities by wrk from a
# second process on loopback, against the same rows written straight into Postgres in the same run (batched INSERT
# through pgbench, same batch size, and COPY). Score freshness is probed meanwhile: one event for a lead, then the
# time until its stored score (what the queue ranks by) shows it. Prints a Markdown table for bench/RESULTS.md.
# Needs: a local Postgres (user postgres, trust), wrk and pgbench (Debian packages wrk, postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench
PORT=18080
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
BATCH=${BATCH:-100}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
command -v pgbench >/dev/null || { echo "install pgbench (apt-get install postgresql-client)"; exit 1; }
. bench/app.sh
fresh_database
start_app ingest

echo "seeding 1,000,000 leads"
$PSQL -d $DB -f bench/queue/seed.sql
settle_seed

# An API token, created by the admin on the settings page (shown once, after the redirect).
sign_in ingest
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "name=bench-ingest&role=MARKETER&_csrf=$(csrf /settings)" \
  "localhost:$PORT/settings/api-tokens"
TOKEN=$(fetch /settings | sed -n 's/.*<code[^>]*>\(ll_[A-Za-z0-9_-]*\)<\/code>.*/\1/p' | head -n 1)
[ -n "$TOKEN" ] || { echo "no API token on the settings page"; exit 1; }
export TOKEN BATCH

# Freshness probe: a new lead (so that a demo request surely moves its score), then one demo request for it, then
# poll its stored score until it moves; prints the time from sending the event to the moved score (ms), or "failed".
probe() {
  local email="probe$1-$RANDOM@probe.example" auth="Authorization: Bearer $TOKEN" json="Content-Type: application/json"
  curl -s -o /dev/null -H "$auth" -H "$json" -d "{\"fullName\": \"Probe $1\", \"email\": \"$email\"}" "localhost:$PORT/api/leads"
  local score="select s.score from lead_score s join lead l on l.id = s.lead_id where l.email = '$email'"
  local before now t0
  before=$($PSQL -d $DB -At -c "$score")
  t0=$(date +%s%N)
  curl -s -o /dev/null -H "$auth" -H "$json" -H "Idempotency-Key: probe-$email" \
    -d "{\"items\": [{\"email\": \"$email\", \"type\": \"demo_request\"}]}" "localhost:$PORT/api/activities"
  for _ in $(seq 1 500); do
    now=$($PSQL -d $DB -At -c "$score")
    if [ "$now" != "$before" ]; then echo $(( ($(date +%s%N) - t0) / 1000000 )); return; fi
    sleep 0.005
  done
  echo failed
}

# Warm up, then measure ingestion with the freshness probe running beside it.
wrk -t 2 -c 2 -d 5s -s bench/ingest/ingest.lua "http://localhost:$PORT" > /dev/null
ACTIVITIES_BEFORE=$($PSQL -d $DB -At -c "select count(*) from activity")
( set +e; sleep 2; for i in $(seq 1 20); do probe "$i"; sleep 0.2; done ) > "$OUT/fresh.txt" &
PROBE=$!
wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s -s bench/ingest/ingest.lua "http://localhost:$PORT" > "$OUT/wrk-ingest.txt" 2> "$OUT/wrk-ingest-errors.txt"
wait $PROBE || true
grep -q failed "$OUT/fresh.txt" && { echo "a probe's score never moved"; exit 1; }
grep -q '^errors=0$' "$OUT/wrk-ingest.txt" || { echo "wrk saw errors:"; cat "$OUT/wrk-ingest.txt"; head "$OUT/wrk-ingest-errors.txt"; exit 1; }
STORED=$(( $($PSQL -d $DB -At -c "select count(*) from activity") - ACTIVITIES_BEFORE ))
REQUESTS=$(sed -n 's/^requests=//p' "$OUT/wrk-ingest.txt")
WP50=$(sed -n 's/^p50_ms=//p' "$OUT/wrk-ingest.txt"); WP95=$(sed -n 's/^p95_ms=//p' "$OUT/wrk-ingest.txt"); WP99=$(sed -n 's/^p99_ms=//p' "$OUT/wrk-ingest.txt")
RPS=$(sed -n 's/^rps=//p' "$OUT/wrk-ingest.txt")
EPS=$(awk -v r="$RPS" -v b="$BATCH" 'BEGIN {printf "%.0f", r * b}')
[ "$STORED" -ge $(( REQUESTS * BATCH )) ] || { echo "stored $STORED activities for $REQUESTS batches of $BATCH: some were replays"; exit 1; }
sort -n "$OUT/fresh.txt" > "$OUT/fresh-sorted.txt"
N=$(wc -l < "$OUT/fresh-sorted.txt")
F50=$(sed -n "$(( (N + 1) / 2 ))p" "$OUT/fresh-sorted.txt"); FMAX=$(tail -n 1 "$OUT/fresh-sorted.txt")

# Raw Postgres, same run: the same batches (BATCH rows for random seeded leads) as one INSERT each, through pgbench
# on as many connections, into the same indexed activity table; then COPY of as many rows into an unindexed table.
cat > "$OUT/insert.sql" <<SQL
insert into activity (lead_id, type, occurred_at, detail)
select l.id, (array['email_open','email_click','web_visit','content_download','demo_request'])[1 + floor(random() * 5)::int], now(), null
from (select 'bench' || g || '@company' || (g % 50000) || '.example' as email
      from (select 1 + floor(random() * 1000000)::int as g from generate_series(1, $BATCH)) r) e
join lead l on l.email = e.email;
SQL
pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$OUT/insert.sql" "$DB" > "$OUT/pgbench-insert.txt" 2>&1
PTPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-insert.txt")
PLAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-insert.txt")
PEPS=$(awk -v t="$PTPS" -v b="$BATCH" 'BEGIN {printf "%.0f", t * b}')
$PSQL -d $DB -c "create unlogged table activity_raw (lead_id bigint, type text, occurred_at timestamptz, detail text)"
$PSQL -d $DB -At -c "copy (select lead_id, type, occurred_at, detail from activity order by id desc limit $STORED) to stdout" > "$OUT/activities.tsv"
C0=$(date +%s%N)
$PSQL -d $DB -c "\\copy activity_raw from '$OUT/activities.tsv'"
CMS=$(( ($(date +%s%N) - C0) / 1000000 ))
CEPS=$(awk -v n="$STORED" -v ms="$CMS" 'BEGIN {printf "%.0f", n / (ms / 1000)}')
RATIO=$(awk -v a="$EPS" -v p="$PEPS" 'BEGIN {printf "%.0f", 100 * a / p}')

cat <<TABLE

Leads: 1,000,000 stored. Batches of $BATCH events for random leads (by email), $CONNECTIONS connections, ${DURATION} s, on loopback.
The application stored $STORED activities in $REQUESTS batches; each batch rescored its leads before answering.

| what | events/s | batch p50 | batch p95 | batch p99 |
|---|---:|---:|---:|---:|
| Leadline POST /api/activities (wrk) | $EPS | $WP50 ms | $WP95 ms | $WP99 ms |
| raw Postgres, one INSERT … SELECT per batch (pgbench) | $PEPS | $PLAT ms (mean) | | |
| raw Postgres, COPY of $STORED rows, unindexed table | $CEPS | | | |

Leadline ingests at $RATIO % of the raw batched INSERT's rate (which stores the rows and nothing else: no checks,
no idempotency key, no rescoring). Score freshness under that load (event sent → stored score moved), $N probes:
median $F50 ms, worst $FMAX ms.
TABLE
