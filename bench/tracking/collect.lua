-- wrk: page views POSTed to /t/SITE/collect as the snippet sends them (text/plain JSON, the site's Origin, a browser's
-- user agent), from VISITORS visitors (the snippet's own random ids), over 50 pages of the site. Prints p95 for run.sh.
local visitors = tonumber(os.getenv("VISITORS") or "10000")
local site = os.getenv("SITE")
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function(args)
  math.randomseed(os.time() * 100 + tid)
  wrk.headers["Content-Type"] = "text/plain"
  wrk.headers["Origin"] = "https://www.bench.example"
  wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
end

request = function()
  local v = math.random(1, visitors)
  local body = string.format('{"k":"page_view","pid":"benchvisitor%012d","pv":"pv%d","url":"https://www.bench.example/page/%d","title":"Page","ref":""}',
    v, math.random(1, 1000000000), math.random(1, 50))
  return wrk.format("POST", "/t/" .. site .. "/collect", nil, body)
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d seconds=%.2f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
