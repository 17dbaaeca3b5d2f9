-- wrk script: single scans at the public endpoint, as a visitor's phone sends them.
--   known visitors:      wrk -t2 -c32 -d30s --latency -s bench/http/scan.lua http://127.0.0.1:18080 -- VENUE_CODE /tmp/scan-people.txt
--   first-time visitors: wrk -t2 -c32 -d30s --latency -s bench/http/scan.lua http://127.0.0.1:18080 -- VENUE_CODE new 17
-- Known: the file holds identity numbers of known persons, one a line (CheckInLoad.java ... people N FILE writes it);
-- each request picks one at random. New: every request is a person the server has never seen, with a valid identity
-- number made from the run number (00-99; use a new one for every run), the thread and a counter. The server must
-- run with the public limits raised, since one client address sends everything (see README.md).

local bodies = {}
local path
local fresh = false
local prefix
local counter = 0
local threads = 0

local WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local CHECK = "10X98765432"

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  path = "/api/public/scans/" .. args[1]
  if args[2] == "new" then
    fresh = true
    -- address code 11RRTT: province 11, run number, thread number; birth date and sequence from the counter
    prefix = string.format("11%02d%02d", tonumber(args[3] or "0") % 100, (thread_number or 0) % 100)
    return
  end
  local n = 0
  for line in io.lines(args[2]) do
    n = n + 1
    bodies[n] = string.format('{"name":"压测访客","idNumber":"%s","phone":"139%08d"}', line, n)
  end
  math.randomseed(os.time() + n)
end

local function identity(k)
  local birth = os.date("!%Y%m%d", os.time({ year = 1950, month = 1, day = 1, hour = 12 }) + math.floor(k / 999) * 86400)
  local first17 = prefix .. birth .. string.format("%03d", k % 999 + 1)
  local sum = 0
  for i = 1, 17 do
    sum = sum + (string.byte(first17, i) - 48) * WEIGHTS[i]
  end
  local c = sum % 11 + 1
  return first17 .. string.sub(CHECK, c, c)
end

function request()
  if fresh then
    counter = counter + 1
    local body = string.format('{"name":"首访访客","idNumber":"%s","phone":"139%08d"}', identity(counter), counter)
    return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, bodies[math.random(#bodies)])
end
