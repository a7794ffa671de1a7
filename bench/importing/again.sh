#!/usr/bin/env bash
# Importing into a database that already holds the leads: run after `KEEP_DB=1 bash bench/importing/run.sh`, whose
# database this uses. Three imports of 1,048,576 rows each:
#   (1) the same file again, policy "skip": every valid row matches a stored lead, nothing may be created;
#   (2) the same file with "Manager" replaced by "Director" in every title, policy "update": the leads whose title
#       changes are updated, kept for undo and rescored (with their activities), the rest merged;
#   (3) the first file again, policy "update": the same leads change back.
# Prints each job's counts, its time and peak heap, and its phase timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1048576}
DB=leadline_bench_import
PORT=18081
OUT=bench/out
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
KEEP_DB=1
. bench/app.sh
FILE="$OUT/leads-$ROWS.csv"
CHANGED="$OUT/leads-$ROWS-director.csv"
[ -f "$FILE" ] || { echo "run KEEP_DB=1 bash bench/importing/run.sh first"; exit 1; }
$PSQL -d $DB -c "select 1 from lead limit 1" > /dev/null || { echo "no database $DB: run KEEP_DB=1 bash bench/importing/run.sh first"; exit 1; }
[ -f "$CHANGED" ] || sed 's/Manager/Director/g' "$FILE" > "$CHANGED"

start_app again -Dleadline.import.poll-millis=200
sign_in again
FIELDS="field0=FIRST_NAME&field1=LAST_NAME&field2=EMAIL&field3=COMPANY&field4=JOB_TITLE&field5=COMPANY_SIZE&field6=COUNTRY&field7=SOURCE&field8=CUSTOM"

# import FILE POLICY: uploads, starts with the guessed mapping, waits, prints the job's result.
import() {
  local location job
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" -F "file=@$1" -F kind=LEADS \
    -F "_csrf=$(csrf /imports)" localhost:$PORT/imports)
  job=${location##*/}
  "$JDK/bin/jstat" -gc $APP 250 > "$OUT/jstat-again.txt" &
  local jstat=$!
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "$FIELDS&policy=$2&dryRun=false&_csrf=$(csrf /imports/$job)" \
    localhost:$PORT/imports/$job/start
  until [ "$($PSQL -d $DB -At -c "select status from import_job where id = $job")" != QUEUED ] && \
        [ "$($PSQL -d $DB -At -c "select status from import_job where id = $job")" != RUNNING ]; do sleep 0.5; done
  kill $jstat
  echo "$(basename "$1"), policy $2:"
  $PSQL -d $DB -At -F ' ' -c "select status || ': ' || rows_read || ' read, ' || imported || ' imported, ' || updated
    || ' updated, ' || merged || ' merged, ' || rejected || ' rejected in '
    || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s' from import_job where id = $job"
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "peak heap %.0f MB\n", max / 1024 }' \
    "$OUT/jstat-again.txt"
  grep "import $job: .* took" "$OUT/again-app.log" | sed 's/.*: import [0-9]*: /  /'
}

import "$FILE" SKIP
import "$CHANGED" UPDATE
import "$FILE" UPDATE
