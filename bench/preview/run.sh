#!/usr/bin/env bash
# The model editor's what-if preview at 100,000 leads (10 % won, 10 % lost): three timed POSTs of
# /settings/model/preview with one weight changed, on the application jar with -Xmx512m.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench_preview
PORT=18082
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
. bench/app.sh
fresh_database
start_app preview
sed 's/generate_series(1, 1000000)/generate_series(1, 100000)/' bench/queue/seed.sql | $PSQL -d $DB > /dev/null
$PSQL -d $DB -c "update lead set outcome = case when id % 10 = 0 then 'WON' when id % 10 = 1 then 'LOST' end"
sign_in preview
fetch /settings/model > "$OUT/preview-page.html"
# The editor's own form, as the page fills it, with the high-intent source weight raised to 25.
FORM=$(python3 - <<'PY'
import re, html, urllib.parse
page = open('bench/out/preview-page.html').read()
fields = dict((m.group(1), html.unescape(m.group(2))) for m in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
fields.update((m.group(1), html.unescape(m.group(2))) for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', page))
fields['minGrade'] = 'D'
fields['fit_7'] = '25'
print(urllib.parse.urlencode(fields))
PY
)
for run in 1 2 3; do
  curl -s -o "$OUT/preview.html" -w "preview run $run: %{time_total} s\n" -c "$COOKIES" -b "$COOKIES" -d "$FORM" localhost:$PORT/settings/model/preview
done
grep -o "Scored: [^<]*" "$OUT/preview.html"
