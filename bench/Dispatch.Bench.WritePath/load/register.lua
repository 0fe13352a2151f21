-- wrk script: ticket registration (POST /api/tickets) as the operator, one unique Idempotency-Key per request.
-- Bodies are valid and varied: seven counties, four kinds, every topic, five channels, mobiles and landlines drawn
-- from a pool of 20,000 callers (so the repeat-call lookup finds earlier tickets of the same caller, as at the hotline).
-- Environment: BENCH_TOKEN (the operator's bearer token), BENCH_RUN (unique per phase: keys never repeat across runs).
-- At the end it prints one line "WRK_RESULT key=value ..." that the bench reads: requests, 2xx, non-2xx (by status),
-- socket errors, duration and latency percentiles in microseconds.

local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local run = os.getenv("BENCH_RUN") or tostring(os.time())

wrk.method = "POST"
wrk.path = "/api/tickets"
local authorization = "Bearer " .. token

local counties = { "330402", "330411", "330421", "330424", "330481", "330482", "330483" }
local kinds = { "inquiry", "help", "help", "complaint", "suggestion" }
local channels = { "phone", "phone", "phone", "phone", "online", "app", "letter", "visit" }
local topics = {
  { "rehabilitation", "咨询孩子的康复训练补助如何申请，需要准备哪些材料。" },
  { "education", "反映孩子随班就读遇到困难，希望学校提供资源教室支持。" },
  { "employment", "询问按比例安排残疾人就业的岗位信息，希望推荐合适的工作。" },
  { "social_security", "反映重度残疾人生活补贴本月尚未到账，请核实发放情况。" },
  { "care_services", "来电反映残疾人护理补贴尚未发放，请核实处理。" },
  { "accessibility", "反映小区出入口无障碍坡道被车辆占用，轮椅无法通行。" },
  { "rights_protection", "反映用人单位拖欠工资并以残疾为由解除劳动合同，请求法律援助。" },
  { "certificates", "询问残疾人证换证需要的材料和办理地点。" },
  { "assistive_devices", "申请适配助听器，询问辅具补贴的标准和流程。" },
  { "other", "对残联的服务提出意见，希望延长窗口办理时间。" },
}
local names = { "张建国", "李秀英", "王志强", "刘芳", "陈明", "杨丽华", "赵伟", "黄晓梅", "周强", "吴敏" }

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  ok = 0
  failed = 0
  statuses = {}
  math.randomseed((tid or 0) * 7919 + os.time())
end

local function phone()
  local caller = math.random(1, 20000)
  if caller % 10 == 0 then
    return string.format("0573-8%07d", caller)
  end
  return string.format("1%d%d%08d", 3 + caller % 7, caller % 10, caller * 4099 % 100000000)
end

function request()
  sent = sent + 1
  local topic = topics[math.random(1, #topics)]
  local county = counties[math.random(1, #counties)]
  local urgency = math.random(1, 10) == 1 and "urgent" or "normal"
  local body = string.format(
    '{"channel":"%s","kind":"%s","topic":"%s","urgency":"%s","callerName":"%s","callerPhone":"%s",'
      .. '"countyCode":"%s","address":"%s","content":"%s（压测 %s-%d-%d）"}',
    channels[math.random(1, #channels)], kinds[math.random(1, #kinds)], topic[1], urgency,
    names[math.random(1, #names)], phone(), county, "嘉兴市某小区" .. math.random(1, 300) .. "幢",
    topic[2], run, tid, sent)
  -- wrk.format takes these headers instead of wrk.headers (it adds Host and Content-Length).
  return wrk.format(nil, nil, {
    ["Content-Type"] = "application/json; charset=utf-8",
    ["Authorization"] = authorization,
    ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. sent,
  }, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local ok_total, failed_total, counts, by_status = 0, 0, {}, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    failed_total = failed_total + thread:get("failed")
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  for status, n in pairs(counts) do
    by_status[#by_status + 1] = status .. ":" .. n
  end
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d ok=%d non2xx=%d statuses=%s connect=%d read=%d write=%d timeout=%d duration_us=%d "
      .. "p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, ok_total, failed_total, #by_status > 0 and table.concat(by_status, ",") or "-",
    e.connect, e.read, e.write, e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
