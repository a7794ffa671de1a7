-- wrk: POST /api/activities batches of BATCH events for random seeded leads (emails bench<g>@company<g % 50000>.example,
-- g in 1..1,000,000), each batch with its own Idempotency-Key. Prints latency percentiles and requests/s for run.sh.
local batch = tonumber(os.getenv("BATCH") or "100")
local leads = 1000000
local types = {"email_open", "email_open", "email_click", "page_visit", "page_visit", "content_download", "demo_request"}
local urls = {"https://acme.example/blog", "https://acme.example/pricing", "https://acme.example/product"}
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function(args)
  -- A new seed per run: keys repeated from an earlier run (the warm-up) would be answered as replays.
  math.randomseed(os.time() * 100 + tid)
  run = os.time()
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

request = function()
  counter = counter + 1
  local items = {}
  for i = 1, batch do
    local g = math.random(1, leads)
    local t = types[math.random(1, #types)]
    local url = ""
    if t == "page_visit" then url = ', "url": "' .. urls[math.random(1, #urls)] .. '"' end
    items[i] = string.format('{"email": "bench%d@company%d.example", "type": "%s"%s}', g, g % 50000, t, url)
  end
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", run, tid, counter, math.random(1, 1000000000))
  return wrk.format("POST", "/api/activities", nil, '{"items": [' .. table.concat(items, ",") .. ']}')
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms=%.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("errors=%d\n", summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
