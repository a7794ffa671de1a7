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
. bench/importing/wizard.sh

# import FILE POLICY: imports it through the wizard and prints the job's counts, time, peak heap and phase timings.
import() {
  import_file "$1" "$2" "$OUT/jstat-again.txt"
  echo "$(basename "$1"), policy $2: $READ read, $IMPORTED imported, $UPDATED updated, $MERGED merged, $REJECTED rejected" \
    "in $IMPORT_SECONDS s, peak heap $PEAK_MB MB"
  grep "import $JOB: .* took" "$OUT/again-app.log" | sed 's/.*: import [0-9]*: /  /'
}

import "$FILE" SKIP
import "$CHANGED" UPDATE
import "$FILE" UPDATE
