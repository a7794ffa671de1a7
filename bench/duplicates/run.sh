#!/usr/bin/env bash
# Possible duplicates on a generated base with known duplicate pairs (Generator.java: typos, swapped names, +tags, Gmail
# dots, one phone in two formats, private addresses; people who merely share a name). The file is imported through the
# wizard, the scan asked for on the review page; prints how long the scan took, precision and recall at three confidence
# levels, and one lead page's time (its possible duplicates are looked up live) beside the page of a lead in a base
# without duplicates. PERSONS=100000 by default. Needs a local Postgres (user postgres, trust) and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
PERSONS=${PERSONS:-100000}
DB=leadline_bench_duplicates
PORT=18087
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
. bench/app.sh
FILE="$OUT/duplicates-$PERSONS.csv"
[ -f "$FILE" ] || "$JDK/bin/java" bench/duplicates/Generator.java "$FILE" "$PERSONS" 42
fresh_database
start_app duplicates -Dleadline.import.poll-millis=200
sign_in duplicates
. bench/importing/wizard.sh
FIELDS="field0=FIRST_NAME&field1=LAST_NAME&field2=EMAIL&field3=COMPANY&field4=JOB_TITLE&field5=CUSTOM&field6=CUSTOM"
import_file "$FILE" SKIP
echo "imported $IMPORTED of $READ rows in $IMPORT_SECONDS s (rejected $REJECTED)"

START=$(date +%s.%N)
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "_csrf=$(csrf /leads/duplicates)" localhost:$PORT/leads/duplicates/scan
until [ "$($PSQL -d $DB -At -c "select status in ('DONE', 'FAILED') from duplicate_scan order by id desc limit 1")" = t ]; do sleep 0.2; done
SCAN=$(echo "$(date +%s.%N) - $START" | bc)
[ "$($PSQL -d $DB -At -c "select status from duplicate_scan order by id desc limit 1")" = DONE ] || {
  $PSQL -d $DB -At -c "select error from duplicate_scan order by id desc limit 1"; exit 1; }

echo
echo "| confidence ≥ | pairs offered | true pairs among them | precision | recall |"
echo "|---|---|---|---|---|"
$PSQL -d $DB -At -F ' | ' <<'SQL'
with truth as (select sum(n * (n - 1) / 2) as pairs
                 from (select count(*) as n from lead group by attributes ->> 'person') people),
     offered as (select p.confidence, a.attributes ->> 'person' = b.attributes ->> 'person' as same_person
                   from duplicate_pair p join lead a on a.id = p.lead_id join lead b on b.id = p.other_id)
select '| ' || t, count(*) filter (where confidence >= t - 0.0001),
       count(*) filter (where confidence >= t - 0.0001 and same_person),
       round(count(*) filter (where confidence >= t - 0.0001 and same_person)::numeric
             / greatest(count(*) filter (where confidence >= t - 0.0001), 1), 3),
       round(count(*) filter (where confidence >= t - 0.0001 and same_person)::numeric / (select pairs from truth), 3) || ' |'
  from offered, (values (0.5), (0.7), (0.9)) as levels(t) group by t order by t;
SQL
TRUE_PAIRS=$($PSQL -d $DB -At -c "select sum(n * (n - 1) / 2) from (select count(*) as n from lead group by attributes ->> 'person') p")
LEADS=$($PSQL -d $DB -At -c "select count(*) from lead")
echo
echo "$LEADS leads, $TRUE_PAIRS known duplicate pairs; scan of the whole base: ${SCAN} s"

# One lead page, its possible duplicates looked up live: 200 pages of leads that have a duplicate, then of leads
# that have none (the same page without candidates to show).
page_time() {
  local ids=$1 start
  start=$(date +%s.%N)
  for id in $ids; do fetch "/leads/$id" > /dev/null; done
  echo "scale=1; ($(date +%s.%N) - $start) * 1000 / $(echo $ids | wc -w)" | bc
}
WITH=$($PSQL -d $DB -At -c "select lead_id from duplicate_pair order by lead_id limit 200" | tr '\n' ' ')
WITHOUT=$($PSQL -d $DB -At -c "select id from lead l where not exists (select 1 from duplicate_pair p where p.lead_id = l.id or p.other_id = l.id) order by id limit 200" | tr '\n' ' ')
page_time "$WITHOUT" > /dev/null   # warm-up
echo "lead page, mean of 200: $(page_time "$WITH") ms with a possible duplicate, $(page_time "$WITHOUT") ms without"
