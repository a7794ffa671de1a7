#!/usr/bin/env bash
# The model editor's what-if preview at 100,000 leads (10 % won, 10 % lost): three timed POSTs of
# /settings/model/preview with one weight changed, on the application jar with -Xmx512m.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench_preview
PORT=18082
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
./mvnw -q -B -DskipTests package -pl lead-web -am
JAR=$(ls lead-web/target/lead-web-*.jar | grep -v original | head -n 1)
LEADLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB LEADLINE_ADMIN_PASSWORD=bench-admin-password PORT=$PORT \
  "$JDK/bin/java" -Xmx512m -jar "$JAR" > bench/out/preview-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; $PSQL -d postgres -c "drop database if exists $DB with (force)"' EXIT
mkdir -p bench/out
for _ in $(seq 1 90); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
sed 's/generate_series(1, 1000000)/generate_series(1, 100000)/' bench/queue/seed.sql | $PSQL -d $DB > /dev/null
$PSQL -d $DB -c "update lead set outcome = case when id % 10 = 0 then 'WON' when id % 10 = 1 then 'LOST' end"
C=bench/out/preview-cookies.txt; rm -f $C
csrf() { curl -s -c $C -b $C "localhost:$PORT$1" | tee bench/out/preview-page.html | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
curl -s -o /dev/null -c $C -b $C -d "username=admin&password=bench-admin-password&_csrf=$(csrf /login)" localhost:$PORT/login
csrf /settings/model > /dev/null
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
  curl -s -o bench/out/preview.html -w "preview run $run: %{time_total} s\n" -c $C -b $C -d "$FORM" localhost:$PORT/settings/model/preview
done
grep -o "Scored: [^<]*" bench/out/preview.html
