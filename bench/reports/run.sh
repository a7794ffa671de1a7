#!/usr/bin/env bash
# The reports at 1,000,000 leads with their stage history: the whole /reports page through the application (all
# five reports, read from the pre-aggregated snapshots), the snapshot refresh that keeps them current, and, in the
# same run, the funnel-by-source query computed live from lead and stage_change as the baseline.
# Needs: a local Postgres (user postgres, trust). Prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench
PORT=18080
RUNS=${RUNS:-10}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

. bench/app.sh
fresh_database
start_app reports

echo "seeding 1,000,000 leads and their stage history"
$PSQL -d $DB -f bench/queue/seed.sql > /dev/null
settle_seed
$PSQL -d $DB -f bench/reports/history.sql
MOVES=$($PSQL -d $DB -At -c "select count(*) from stage_change")

ms() { local t0; t0=$(date +%s%N); "$@" > /dev/null; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
worst() { sort -n | tail -n 1; }

REFRESH=$(ms $PSQL -d $DB -c "select 1" -c "refresh materialized view concurrently report_funnel_day" \
  -c "refresh materialized view concurrently report_score_day" -c "refresh materialized view concurrently report_sla_day")
$PSQL -d $DB -c "update report_refresh set refreshed_at = now()"

for _ in $(seq 1 3); do ms $PSQL -d $DB -f bench/reports/live.sql; done > "$OUT/live.txt"
sign_in reports
fetch /reports > "$OUT/reports.html"
grep -q "Funnel by source" "$OUT/reports.html" || { echo "the reports page did not answer"; exit 1; }
for _ in $(seq 1 "$RUNS"); do ms fetch /reports; done > "$OUT/page.txt"
for _ in $(seq 1 "$RUNS"); do ms fetch "/reports?source=paid_search&from=2026-09-01"; done > "$OUT/page-filtered.txt"

cat <<TABLE

Leads: 1,000,000 (bench/queue/seed.sql), stage moves: $MOVES. $RUNS page loads each, signed in as the admin, on loopback.

| what | median | worst |
|---|---:|---:|
| Leadline \`GET /reports\` (all five reports, from the snapshots) | $(median < "$OUT/page.txt") ms | $(worst < "$OUT/page.txt") ms |
| Leadline \`GET /reports?source=paid_search&from=…\` | $(median < "$OUT/page-filtered.txt") ms | $(worst < "$OUT/page-filtered.txt") ms |
| raw Postgres: funnel by source computed live from lead + stage_change (psql, 3 runs) | $(median < "$OUT/live.txt") ms | $(worst < "$OUT/live.txt") ms |
| refreshing the three snapshots (every 5 minutes, or on "Refresh now") | $REFRESH ms | |
TABLE
