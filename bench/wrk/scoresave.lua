-- Saves council members' draft scoresheets over and over, one sheet per wrk thread (run with as many threads as
-- connections, so each thread's single connection owns its sheet). The sheets file, given after "--", has one line
-- per sheet: path <TAB> cookie header <TAB> antiforgery token <TAB> version <TAB> url-encoded answers.
-- Every save changes the part A note, so each one is a real write that moves the sheet's version on by one;
-- the script keeps that version (and reads it back from the page when a save is refused as stale).
-- Prints: RESULT requests duration_s rps p50_ms p95_ms p99_ms max_ms errors
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local sheet
local saves = 0
local stale = 0
failed = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local lines = {}
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  local fields = {}
  for f in (lines[((id - 1) % #lines) + 1] .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = f end
  sheet = { path = fields[1], cookie = fields[2], token = fields[3], version = tonumber(fields[4]), answers = fields[5] }
end

function request()
  saves = saves + 1
  local body = sheet.answers .. "&Notes%5BA%5D=" .. urlencode("Ghi chú lần " .. saves) .. "&Version=" .. sheet.version
    .. "&command=save&__RequestVerificationToken=" .. urlencode(sheet.token)
  return wrk.format("POST", sheet.path, {
    ["Cookie"] = sheet.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function response(status, headers, body)
  -- A save answers with a redirect back to the sheet; anything else (the sign-in page, a refusal) is no save.
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("/Score/", 1, true) then
    sheet.version = sheet.version + 1
  elseif status == 302 then
    failed = failed + 1
  else
    stale = stale + 1
    local v = body and body:match('name="Version" value="(%d+)"')
    if v then sheet.version = tonumber(v) end
  end
end

function done(summary, latency, requests)
  -- Saves that did not land (redirected elsewhere) count as errors: summed over the threads.
  local lost = 0
  for _, t in ipairs(threads) do lost = lost + (t:get("failed") or 0) end
  local errors = lost + summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %.1f %.1f %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
