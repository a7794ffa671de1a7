# Sourced by bench/importing/run.sh and again.sh, after bench/app.sh, with the application started and signed in.
# import_file FILE POLICY [JSTAT_OUT]: uploads FILE through the import wizard, starts it with the guessed mapping
# (the wizard's defaults for the generated file) and the duplicate policy, samples the heap with jstat meanwhile,
# and waits for the job to end. Sets JOB, STATUS, READ, IMPORTED, UPDATED, MERGED, REJECTED, IMPORT_SECONDS, PEAK_MB.
FIELDS="field0=FIRST_NAME&field1=LAST_NAME&field2=EMAIL&field3=COMPANY&field4=JOB_TITLE&field5=COMPANY_SIZE&field6=COUNTRY&field7=SOURCE&field8=CUSTOM"
if [ -n "${MESSY:-}" ]; then
  # The messy file's two more columns as the wizard guesses them (MappingGuessTest checks the guess on this header):
  # the date month first, the statuses by their words; "Bad timing" means no stage and is left as it is.
  FIELDS="$FIELDS&field9=CREATED_AT&format9=MONTH_FIRST&field10=STAGE"
  FIELDS="$FIELDS&stagevalue_0=New&stage_0=NEW&stagevalue_1=Open&stage_1=NEW&stagevalue_2=Working&stage_2=ACCEPTED"
  FIELDS="$FIELDS&stagevalue_3=Attempted+to+contact&stage_3=ACCEPTED&stagevalue_4=MQL&stage_4=MQL"
  FIELDS="$FIELDS&stagevalue_5=Unqualified&stage_5=DISQUALIFIED&stagevalue_6=Converted&stage_6=OPPORTUNITY"
  FIELDS="$FIELDS&stagevalue_7=Bad+timing&stage_7=IGNORE&emptyValues="
fi

import_file() {
  local file=$1 policy=$2 heap=${3:-$OUT/jstat.txt} location jstat
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" -F "file=@$file" -F kind=LEADS \
    -F "_csrf=$(csrf /imports)" localhost:$PORT/imports)
  JOB=${location##*/}
  $PSQL -d $DB -c checkpoint
  "$JDK/bin/jstat" -gc $APP 250 > "$heap" &
  jstat=$!
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "$FIELDS&policy=$policy&dryRun=false&_csrf=$(csrf /imports/$JOB)" \
    localhost:$PORT/imports/$JOB/start
  until [ "$($PSQL -d $DB -At -c "select status from import_job where id = $JOB")" != QUEUED ] && \
        [ "$($PSQL -d $DB -At -c "select status from import_job where id = $JOB")" != RUNNING ]; do sleep 0.5; done
  kill $jstat
  read -r STATUS READ IMPORTED UPDATED MERGED REJECTED IMPORT_SECONDS <<<"$($PSQL -d $DB -At -F ' ' -c \
    "select status, rows_read, imported, updated, merged, rejected, extract(epoch from finished_at - started_at) from import_job where id = $JOB")"
  [ "$STATUS" = DONE ] || { echo "import ended $STATUS"; $PSQL -d $DB -At -c "select error from import_job where id = $JOB"; exit 1; }
  # jstat -gc: S0U S1U EU OU are columns 3 4 6 8 (KB); peak of their sum.
  PEAK_MB=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$heap")
}
