#!/usr/bin/env bash
# The hand-off at speed, at 1,000,000 stored leads (bench/queue/seed.sql; SEED=0 skips it): leads that become MQLs
# through the activity API, each a lead.mql webhook to a receiving
# "CRM" on this machine; event → delivery latency (p50/p95) and deliveries per second, beside a plain HTTP client
# posting the same number of bodies to the same receiver in the same run. Then event → inbox: an admin assigns a
# lead, and the rep's notice is polled for in Postgres. Prints a Markdown table for bench/RESULTS.md.
# Needs: a local Postgres (user postgres, trust), python3 (for the percentiles), curl. The receiver and the plain
# client are single-file Java programs beside this script (the JDK's HttpServer and HttpClient).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=leadline_bench_handoff
PORT=18090
HOOK_PORT=18091
LEADS=${LEADS:-3000}
BATCH=${BATCH:-50}
OUT=bench/out
mkdir -p "$OUT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
. bench/app.sh
fresh_database
start_app handoff -Dleadline.webhooks.allowed-hosts=127.0.0.1 -Dleadline.webhooks.poll-millis=${POLL_MILLIS:-100}

if [ "${SEED:-1}" = 1 ]; then
  echo "seeding 1,000,000 leads (SEED=0 runs on an empty database)"
  $PSQL -d $DB -f bench/queue/seed.sql
  settle_seed
fi

RECEIVED="$OUT/handoff-received.txt"; : > "$RECEIVED"
"$JDK/bin/java" bench/handoff/Receiver.java $HOOK_PORT "$RECEIVED" & RECEIVER=$!
trap 'kill $RECEIVER 2>/dev/null || true; stop_app' EXIT
sleep 3

sign_in handoff
# The webhook endpoint, registered on the settings page, and an API token.
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "url=http://127.0.0.1:$HOOK_PORT/crm" -d "events=MQL" \
  -d "_csrf=$(csrf /settings/webhooks)" "localhost:$PORT/settings/webhooks"
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "name=bench-handoff&role=MARKETER&_csrf=$(csrf /settings)" "localhost:$PORT/settings/api-tokens"
TOKEN=$(fetch /settings | sed -n 's/.*<code[^>]*>\(ll_[A-Za-z0-9_-]*\)<\/code>.*/\1/p' | head -n 1)
[ -n "$TOKEN" ] || { echo "no API token on the settings page"; exit 1; }

# Batches of events for new emails: a demo request, a pricing-page visit and a download make each new lead (unknown
# company, -5) an MQL under the starter model (40 points), i.e. one lead.mql webhook per lead.
post_batch() {
  local from=$1 items="" i
  for i in $(seq "$from" $((from + BATCH - 1))); do
    items+="{\"email\":\"h$i@handoff.example\",\"type\":\"demo_request\"},{\"email\":\"h$i@handoff.example\",\"type\":\"pricing_page_visit\"},"
    items+="{\"email\":\"h$i@handoff.example\",\"type\":\"content_download\"},"
  done
  curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -H "Idempotency-Key: handoff-$from-$RANDOM" -d "{\"items\":[${items%,}]}" "localhost:$PORT/api/activities"
}
STARTED=$(date +%s%3N)
for from in $(seq 1 "$BATCH" "$LEADS"); do post_batch "$from" >> "$OUT/handoff-posts.txt"; done
MQLS=$($PSQL -d $DB -At -c "select count(*) from lead where email like '%@handoff.example' and stage = 'MQL'")
for _ in $(seq 1 240); do
  [ "$(wc -l < "$RECEIVED")" -ge "$MQLS" ] && break; sleep 0.5
done
DELIVERED=$(wc -l < "$RECEIVED")
MQL_SECONDS=$(( ($(date +%s%3N) - STARTED) / 1000 ))

# Latency per delivery: arrival − occurredAt (the MQL move, before its transaction committed).
read -r P50 P95 RATE < <(python3 - "$RECEIVED" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) >= 2 and l.split()[1] != "-"]
lat = sorted(float(a) - float(o) for a, o, *_ in rows)
arrivals = sorted(float(r[0]) for r in rows)
span = max((arrivals[-1] - arrivals[0]) / 1000, 0.001)
print(f"{lat[len(lat) // 2]:.0f} {lat[int(len(lat) * 0.95)]:.0f} {len(rows) / span:.0f}")
PY
)
PLAIN=$("$JDK/bin/java" bench/handoff/PlainClient.java $HOOK_PORT "$DELIVERED")

# Event → inbox: an admin assigns a fresh MQL to a rep; the rep's notice is polled for (20 samples).
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "username=handoff-rep&password=bench-rep-password-1&role=SALES&capacity=10000&_csrf=$(csrf /settings)" \
  "localhost:$PORT/settings/users"
INBOX="$OUT/handoff-inbox.txt"; : > "$INBOX"
for i in $(seq 1 20); do
  id=$($PSQL -d $DB -At -c "select id from lead where stage = 'MQL' and owner is null order by id limit 1 offset $i")
  t0=$(date +%s%N)
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" -d "rep=handoff-rep&_csrf=$(csrf /leads/$id)" "localhost:$PORT/leads/$id/assign"
  for _ in $(seq 1 400); do
    [ "$($PSQL -d $DB -At -c "select count(*) from inbox_item where lead_id = $id and kind = 'ASSIGNED'")" -gt 0 ] && break
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$INBOX"
done
INBOX_P95=$(sort -n "$INBOX" | awk '{a[NR]=$1} END {print a[int(NR*0.95)]}')

echo
echo "| measure | value |"
echo "|---|---|"
echo "| leads made MQL through the API (${BATCH} a batch) | $MQLS |"
echo "| webhooks delivered (one per MQL) | $DELIVERED |"
echo "| event → webhook latency p50 / p95 | ${P50} ms / ${P95} ms (target p95 < 2000 ms) |"
echo "| webhook deliveries per second | $RATE (target ≥ 200) |"
echo "| plain client to the same receiver, same bodies | $PLAIN per second (ratio $(python3 -c "print(f'{$RATE / $PLAIN:.2f}')")) |"
echo "| event → inbox p95 (admin assigns, 20 samples, incl. the HTTP round trip) | ${INBOX_P95} ms (target < 1000 ms) |"
echo "| wall time from the first batch to the last delivery | ${MQL_SECONDS} s |"
