-- wrk script for `run.sh perf` with LOADGEN=wrk: one POST of a complete answer set per
-- invitation link, as loadgen.py sends it, from a load generator that costs far less CPU than
-- Python (both share the machine's cores with the server). No retries: use loadgen.py for the
-- kill test. Each thread takes every n-th link of FORNYE_LINKS; it runs for wrk's -d duration
-- (give more links than can be answered in it; a thread out of links asks /health, not counted).
-- done() prints the rate and writes the acknowledged count that check.py compares with the database.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

-- The CSRF cookie ("fornye_csrf=…") and its token, which run.sh reads from the sign-in page.
local csrfCookie = os.getenv("FORNYE_CSRF_COOKIE")
local csrf = os.getenv("FORNYE_CSRF_TOKEN")
local plain = "kommunenummer=0301&sector=1&unit_type=1&role=1&innovated_service=2&innovated_product=2"
  .. "&innovated_organisation=2&innovated_communication=2&development_underway=1"
local innovator = "kommunenummer=4601&sector=2&unit_type=5&role=2&innovated_service=1&innovated_product=2"
  .. "&innovated_organisation=1&innovated_communication=8&newest_type=1&newest_type=3&novelty=2"
  .. "&inspiration=1&trigger=2&trigger=11&financing=1&results=1&results=2&partners=6&spread=1"
  .. "&factor_employee_participation=3&factor_internal_collaboration=4&factor_financial_resources=2"
  .. "&factor_leadership=5"

function init(args)
  local threadCount = tonumber(os.getenv("FORNYE_WRK_THREADS") or "1")
  tokens = {}
  local index = 0
  for line in io.lines(os.getenv("FORNYE_LINKS")) do
    local token = line:match("/svar/([%w_%-]+)")
    if token then
      if index % threadCount == id then table.insert(tokens, { token, index }) end
      index = index + 1
    end
  end
  sent, ok, again, failed = 0, 0, 0, 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = csrfCookie
end

function request()
  sent = sent + 1
  local entry = tokens[sent]
  if entry == nil then return wrk.format("GET", "/health") end
  local answers = (entry[2] % 3 == 0) and innovator or plain
  local body = "_csrf=" .. csrf .. "&submission_key=load-" .. entry[2] .. "&" .. answers
  return wrk.format("POST", "/svar/" .. entry[1] .. "/send", nil, body)
end

function response(status, headers, body)
  if body:find("ikke lagret to ganger", 1, true) then
    again = again + 1
  elseif status >= 200 and status < 300 and body:find("mottatt", 1, true) then
    ok = ok + 1
  elseif not body:find("\"status\"", 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local okTotal, againTotal, failedTotal = 0, 0, 0
  for _, thread in ipairs(threads) do
    okTotal = okTotal + thread:get("ok")
    againTotal = againTotal + thread:get("again")
    failedTotal = failedTotal + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "wrk: %d acknowledged (%d already received), %d refused or failed, in %.2f s = %.0f acknowledged submissions/s "
      .. "(p50 %.1f ms, p99 %.1f ms over all requests)\n",
    okTotal + againTotal, againTotal, failedTotal, seconds, (okTotal + againTotal) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  local file = io.open(os.getenv("FORNYE_WRK_RESULT"), "w")
  file:write(tostring(okTotal + againTotal))
  file:close()
end
