# Sourced by the benchmarks (bench/*/run.sh): a fresh database, the application jar started on it with
# -Xmx512m and stopped (database dropped, unless KEEP_DB=1) when the script exits, and an admin session.
# The sourcing script sets DB, PORT, OUT and PSQL first.
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

fresh_database() {
  $PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
}

# start_app NAME [java options...]: builds the jar, starts it (log in $OUT/NAME-app.log) and waits until it is healthy.
start_app() {
  local name=$1; shift
  ./mvnw -q -B -DskipTests package -pl lead-web -am
  local jar; jar=$(ls lead-web/target/lead-web-*.jar | grep -v original | head -n 1)
  LEADLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB LEADLINE_ADMIN_PASSWORD=bench-admin-password PORT=$PORT \
    "$JDK/bin/java" -Xmx512m ${APP_JAVA_OPTS:-} "$@" -jar "$jar" > "$OUT/$name-app.log" 2>&1 &
  APP=$!
  trap stop_app EXIT
  for _ in $(seq 1 90); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
  curl -sf localhost:$PORT/actuator/health >/dev/null || { echo "the application did not start:"; tail -20 "$OUT/$name-app.log"; exit 1; }
}

# settle_seed: after a bulk seed, waits (up to 5 min) for the account roll-up to take the seeded rows' change notes,
# then vacuums and analyzes as autovacuum would (this machine's Postgres runs with autovacuum off), so that neither
# the background roll-up nor a million dead notes and stale statistics are measured with what the benchmark times.
settle_seed() {
  for _ in $(seq 1 300); do [ "$($PSQL -d $DB -At -c 'select count(*) from account_change')" = 0 ] && break; sleep 1; done
  $PSQL -d $DB -c "vacuum analyze"
}

stop_app() {
  kill $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
  [ "${KEEP_DB:-}" = 1 ] || $PSQL -d postgres -c "drop database if exists $DB with (force)"
}

# sign_in NAME: signs in as the admin, keeping the session in $COOKIES ($OUT/NAME-cookies.txt).
sign_in() {
  COOKIES="$OUT/$1-cookies.txt"; rm -f "$COOKIES"
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "username=admin&password=bench-admin-password&_csrf=$(csrf /login)" localhost:$PORT/login
}

# fetch PATH: the page, in the session.
fetch() {
  curl -s -c "$COOKIES" -b "$COOKIES" "localhost:$PORT$1"
}

# csrf PATH: the CSRF token of the page's first form.
csrf() {
  fetch "$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
