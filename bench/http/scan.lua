-- wrk script: single scans at the public endpoint, as a visitor's phone sends them.
--   wrk -t2 -c32 -d30s --latency -s bench/http/scan.lua http://127.0.0.1:18080 -- VENUE_CODE /tmp/scan-people.txt
-- The file holds identity numbers of known persons, one a line (CheckInLoad.java ... people N FILE writes it);
-- each request picks one at random. The server must run with the public rate limit raised, since one client address
-- sends everything (see README.md).

local bodies = {}
local path

function init(args)
  path = "/api/public/scans/" .. args[1]
  local n = 0
  for line in io.lines(args[2]) do
    n = n + 1
    bodies[n] = string.format('{"name":"压测访客","idNumber":"%s","phone":"139%08d"}', line, n)
  end
  math.randomseed(os.time() + n)
end

function request()
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, bodies[math.random(#bodies)])
end
