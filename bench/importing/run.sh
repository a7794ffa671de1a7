#!/usr/bin/env bash
# Import and rescoring at 1,048,576 rows, against raw Postgres in the same run:
#   (a) raw COPY of the generated file into an unindexed table (the physical limit),
#   (b) Leadline's full import of the same file through its HTTP wizard (mapping, validation, dedupe, scoring, indexes),
#       the application started with -Xmx512m, peak heap sampled with jstat;
#   (c) rescoring all leads when every stored score differs (the worst case of a weight change), against
#   (d) one raw UPDATE of the same rows of lead_score;
#   (e) the rows the import stored, inserted again by plain SQL into copies of the tables with the same indexes,
#       checks and foreign keys: what the database alone needs to store them.
# Every timed step starts after a CHECKPOINT, so that none pays for the write-ahead log of the step before it.
# Prints a Markdown table for bench/RESULTS.md. Needs a local Postgres (user postgres, trust) and a JDK 21+.
# MESSY=1: the file is shaped like a CRM export (month-first date-times in "Create Date", a "Lead Status" column mapped
# to the lifecycle stage, about 10 % placeholders in three columns; see Generator.java), mapped as the wizard guesses it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1048576}
DB=leadline_bench_import
PORT=18081
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
. bench/app.sh
MESSY=${MESSY:-}
FILE="$OUT/leads-${MESSY:+messy-}$ROWS.csv"

[ -f "$FILE" ] || "$JDK/bin/java" bench/importing/Generator.java "$FILE" "$ROWS" 42 ${MESSY:+messy}
fresh_database

# (a) raw COPY into an unindexed table.
$PSQL -d $DB -c "create schema baseline" -c "create table baseline.raw_leads (first_name text, last_name text, email text, company text, title text, employees text, country text, source text, industry text${MESSY:+, created text, status text})"
$PSQL -d $DB -c checkpoint
START=$(date +%s.%N)
$PSQL -d $DB -c "\\copy baseline.raw_leads from '$FILE' with (format csv, header true)"
RAW_COPY=$(echo "$(date +%s.%N) - $START" | bc)

start_app import -Dleadline.import.poll-millis=200
sign_in import

# (b) upload, then start with the guessed mapping (the wizard's defaults), and wait for the job to finish.
. bench/importing/wizard.sh
import_file "$FILE" SKIP

# After an import the application refreshes the reports' snapshots: let that finish, so that it does not run
# beside the measurements below.
until [ "$($PSQL -d $DB -At -c "select refreshed_at > (select finished_at from import_job where id = $JOB) from report_refresh")" = t ]; do sleep 0.5; done
# The same for the account scores' roll-up, which waits while an import or a rescoring runs and catches up after it:
# timed from the import's end (the catch-up runs beside the report refresh).
until [ "$($PSQL -d $DB -At -c "select count(*) from account_change")" = 0 ]; do sleep 0.5; done
ACCOUNTS_CAUGHT_UP=$($PSQL -d $DB -At -c "select round(extract(epoch from max(updated_at) - (select finished_at from import_job where id = $JOB))::numeric, 1) from account_score")

# (e) what Postgres alone needs to store the same rows the import stored, with the same indexes, checks and foreign
# keys: copies of lead, lead_score and stage_change filled by INSERT … SELECT from the imported tables, in one
# transaction. Everything the import does beyond this is reading, validating, scoring and deduplicating.
# Generated columns (lead.search_text) are computed by Postgres on insert, in the copy as in the import: not copied.
LEAD_COLUMNS=$($PSQL -d $DB -At -c "select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
  from information_schema.columns where table_schema = 'public' and table_name = 'lead' and is_generated = 'NEVER'")
$PSQL -d $DB -c checkpoint
START=$(date +%s.%N)
$PSQL -d $DB <<SQL
begin;
create schema same;
create table same.lead (like public.lead including all);
alter table same.lead add foreign key (account_id) references public.account (id),
                      add foreign key (owner) references public.app_user (username);
create table same.lead_score (like public.lead_score including all);
alter table same.lead_score add foreign key (lead_id) references same.lead (id) on delete cascade;
create table same.stage_change (like public.stage_change including all);
alter table same.stage_change add foreign key (lead_id) references same.lead (id) on delete cascade;
insert into same.lead ($LEAD_COLUMNS) select $LEAD_COLUMNS from public.lead;
insert into same.lead_score select * from public.lead_score;
insert into same.stage_change overriding system value select * from public.stage_change;
commit;
SQL
RAW_SAME=$(echo "$(date +%s.%N) - $START" | bc)
$PSQL -d $DB -c "drop schema same cascade"

# (c) rescoring when every stored score differs, against (d) one raw UPDATE of the same rows. Each starts on a
# vacuumed table (as autovacuum would leave it), so neither pays for the other's dead rows.
$PSQL -d $DB -c "vacuum analyze lead_score" -c checkpoint
START=$(date +%s.%N)
$PSQL -d $DB -c "update lead_score set score = score + 1, priority = priority + 1"
RAW_UPDATE=$(echo "$(date +%s.%N) - $START" | bc)
$PSQL -d $DB -c "vacuum analyze lead_score" -c checkpoint
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "_csrf=$(csrf /settings)" localhost:$PORT/settings/rescore
until [ "$($PSQL -d $DB -At -c "select status from rescore_job order by id desc limit 1")" = DONE ]; do
  [ "$($PSQL -d $DB -At -c "select status from rescore_job order by id desc limit 1")" = FAILED ] && { echo "rescoring failed"; exit 1; }
  sleep 0.5
done
read -r R_LEADS R_CHANGED R_SECONDS <<<"$($PSQL -d $DB -At -F ' ' -c \
  "select leads_done, changed, extract(epoch from finished_at - started_at) from rescore_job order by id desc limit 1")"

rate() { echo "scale=0; $1 / $2" | bc; }
cat <<TABLE

Rows: $READ (file $(du -h "$FILE" | cut -f1)); imported $IMPORTED, updated $UPDATED, merged $MERGED, rejected $REJECTED.

| what | wall | rows/s |
|---|---:|---:|
| raw \`COPY\` into an unindexed table | ${RAW_COPY} s | $(rate "$ROWS" "$RAW_COPY") |
| Leadline import (read, validate, score, dedupe, insert with indexes) | ${IMPORT_SECONDS} s | $(rate "$READ" "$IMPORT_SECONDS") |
| raw \`INSERT … SELECT\` of the stored rows into copies of lead, lead_score, stage_change (same indexes, checks, keys) | ${RAW_SAME} s | $(rate "$IMPORTED" "$RAW_SAME") |
| raw \`UPDATE\` of every lead_score row | ${RAW_UPDATE} s | $(rate "$R_LEADS" "$RAW_UPDATE") |
| Leadline rescoring ($R_CHANGED of $R_LEADS scores changed) | ${R_SECONDS} s | $(rate "$R_LEADS" "$R_SECONDS") |

The measurements after the import waited for the reports' snapshot refresh and the account scores' roll-up that follow
it (the accounts were current ${ACCOUNTS_CAUGHT_UP} s after the import finished).
Import throughput is $(echo "scale=3; ($READ / $IMPORT_SECONDS) / ($ROWS / $RAW_COPY)" | bc) of raw COPY's; the import takes $(echo "scale=2; $IMPORT_SECONDS / $RAW_SAME" | bc)× what storing its rows alone takes; rescoring $(echo "scale=2; $R_SECONDS / $RAW_UPDATE" | bc)× the raw UPDATE.
Peak heap during the import ${PEAK_MB} MB (-Xmx512m).
TABLE
