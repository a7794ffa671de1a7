#!/usr/bin/env bash
# Rescoring in proportion to the change, at 1,048,576 leads, against one raw UPDATE of every lead_score row in the same
# run (#28). The leads are imported through the wizard (bench/importing's generator and wizard); 5 % of them get a
# webinar attendance; one rescoring brings every stored score up to date. Then, each step after VACUUM and CHECKPOINT:
#   (a) one raw UPDATE of every lead_score row (the baseline);
#   (b) a full pass when every stored score differs: the rows (a) changed, rescored by "Rescore all leads";
#   (c) one fit-rule weight change through the model editor: "Free-mail address" -15 → -20 (about 10 % of the leads);
#   (d) one engagement-rule change: "Webinars attended" 10 → 12 points each (the 5 % with a webinar);
#   (e) a rule renamed (moves nobody).
# (c)–(e) are activations posted as the editor's form (ModelForm.java reads the page); each is timed from the job's
# start to its end (the read, score and write phases are in the application's log line) and from the POST to DONE.
# Prints a Markdown table for bench/RESULTS.md. Needs a local Postgres (user postgres, trust) and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1048576}
DB=leadline_bench_rescoring
PORT=18082
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
. bench/app.sh
FILE="$OUT/leads-$ROWS.csv"
[ -f "$FILE" ] || "$JDK/bin/java" bench/importing/Generator.java "$FILE" "$ROWS" 42
fresh_database
start_app rescoring -Dleadline.import.poll-millis=200
sign_in rescoring
. bench/importing/wizard.sh
import_file "$FILE" SKIP
until [ "$($PSQL -d $DB -At -c "select refreshed_at > (select finished_at from import_job where id = $JOB) from report_refresh")" = t ]; do sleep 0.5; done

$PSQL -d $DB -c "insert into activity (lead_id, type, occurred_at) select id, 'webinar_attended', now() - interval '2 days' from lead where abs(hashtext(id::text)) % 20 = 0"
LEADS=$($PSQL -d $DB -At -c "select count(*) from lead")

last_job() { $PSQL -d $DB -At -c "select $1 from rescore_job order by id desc limit 1"; }

# wait_for_pass BEFORE_ID: waits until a job newer than BEFORE_ID is DONE; sets SECONDS_RUN, READ, CHANGED, SCOPE.
wait_for_pass() {
  local before=$1
  until [ "$(last_job id)" -gt "$before" ] && [ "$(last_job status)" = DONE ]; do
    [ "$(last_job status)" = FAILED ] && { echo "rescoring failed: $(last_job error)"; exit 1; }
    sleep 0.2
  done
  IFS='|' read -r SECONDS_RUN READ CHANGED SCOPE <<<"$($PSQL -d $DB -At -c \
    "select round(extract(epoch from finished_at - started_at)::numeric, 2), leads_done, changed, scope from rescore_job order by id desc limit 1")"
}

rescore_all() {
  local before
  before=$($PSQL -d $DB -At -c "select coalesce(max(id), 0) from rescore_job")
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "_csrf=$(csrf /settings)" localhost:$PORT/settings/rescore
  wait_for_pass "$before"
}

# activate FIELD=VALUE...: posts the editor's form with these fields changed, waits for its pass; sets WALL too.
activate() {
  local before page body start
  before=$($PSQL -d $DB -At -c "select coalesce(max(id), 0) from rescore_job")
  page=$(fetch /settings/model)
  body="$(echo "$page" | "$JDK/bin/java" bench/rescoring/ModelForm.java "$@" note=bench)&_csrf=$(echo "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  start=$(date +%s.%N)
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data "$body" localhost:$PORT/settings/model/activate
  wait_for_pass "$before"
  WALL=$(printf '%.2f' "$(echo "$(date +%s.%N) - $start" | bc)")
}

settle() { $PSQL -d $DB -c "vacuum analyze lead_score" -c "vacuum analyze lead" -c checkpoint; }

rescore_all    # every stored score up to date with the webinars, and the base model known

settle
START=$(date +%s.%N)
$PSQL -d $DB -c "update lead_score set score = score + 1, priority = priority + 1"
RAW_UPDATE=$(printf '%.2f' "$(echo "$(date +%s.%N) - $START" | bc)")

settle
rescore_all
FULL=$SECONDS_RUN; FULL_READ=$READ; FULL_CHANGED=$CHANGED

VERSION=$($PSQL -d $DB -At -c "select version from scoring_model where active")
index_of() {   # index_of KIND CONDITION: the rule's index among the live model's rules of its kind
  $PSQL -d $DB -At -c "select count(*) from scoring_rule r where r.version = $VERSION and r.kind = '$1' and r.position <
    (select position from scoring_rule where version = $VERSION and kind = '$1' and $2)"
}
FREE_MAIL=$(index_of FIT "name = 'Free-mail address'")
WEBINAR=$(index_of ENGAGEMENT "activity_type = 'webinar_attended'")
WEBINAR_CAP=$($PSQL -d $DB -At -c "select coalesce(cap::text, '') from scoring_rule where version = $VERSION and kind = 'ENGAGEMENT' and activity_type = 'webinar_attended'")

settle
activate "fit_$FREE_MAIL=-20"
FIT=$SECONDS_RUN; FIT_WALL=$WALL; FIT_READ=$READ; FIT_CHANGED=$CHANGED; FIT_SCOPE=$SCOPE

settle
activate "fit_$FREE_MAIL=-20" "eng_$WEBINAR=12" "engcap_$WEBINAR=$WEBINAR_CAP"
ENG=$SECONDS_RUN; ENG_WALL=$WALL; ENG_READ=$READ; ENG_CHANGED=$CHANGED; ENG_SCOPE=$SCOPE

settle
activate "fit_$FREE_MAIL=-20" "eng_$WEBINAR=12" "engcap_$WEBINAR=$WEBINAR_CAP" "fitname_$FREE_MAIL=Free-mail or personal address"
NONE=$SECONDS_RUN; NONE_WALL=$WALL; NONE_READ=$READ; NONE_CHANGED=$CHANGED; NONE_SCOPE=$SCOPE

ratio() { printf '%.2f' "$(echo "scale=4; $1 / $RAW_UPDATE" | bc)"; }
cat <<MD
### Rescoring in proportion to the change, $LEADS leads ($(date -u +%Y-%m-%d), $(nproc) cores)

| Step | Leads read | Scores changed | Job time | POST to done | × raw UPDATE |
|---|---:|---:|---:|---:|---:|
| raw \`UPDATE\` of every lead_score row | — | $LEADS | ${RAW_UPDATE} s | — | 1.00 |
| full pass, every score differs | $FULL_READ | $FULL_CHANGED | ${FULL} s | — | $(ratio "$FULL") |
| fit weight: Free-mail -15 → -20 ($FIT_SCOPE) | $FIT_READ | $FIT_CHANGED | ${FIT} s | ${FIT_WALL} s | $(ratio "$FIT") |
| engagement: webinars 10 → 12 ($ENG_SCOPE) | $ENG_READ | $ENG_CHANGED | ${ENG} s | ${ENG_WALL} s | $(ratio "$ENG") |
| rule renamed ($NONE_SCOPE) | $NONE_READ | $NONE_CHANGED | ${NONE} s | ${NONE_WALL} s | $(ratio "$NONE") |

Phases (the application's log):
$(grep -E "rescored [0-9]+ leads|leads, found in" "$OUT/rescoring-app.log" | sed 's/.*\] [^ ]* *: /- /' | tail -n 6)
MD
