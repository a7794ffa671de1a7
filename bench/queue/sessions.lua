-- wrk: one signed-in user per thread (run with -t N -c N, so each connection is its own user's session), their
-- SESSION cookies one per line in the file $SESSIONS; prints the same summary as report.lua.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do
  sessions[#sessions + 1] = line
end
local next_session = 0

function setup(thread)
  next_session = next_session + 1
  thread:set("session", sessions[(next_session - 1) % #sessions + 1])
end

function init(args)
  wrk.headers["Cookie"] = session
end

dofile("bench/queue/report.lua")
