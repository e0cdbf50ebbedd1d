-- wrk script for `switchboard serve`: every request is a NEW Meta webhook (unique wamid),
-- signed like Meta signs (X-Hub-Signature-256: sha256=<hex HMAC-SHA256(body)>), so each 200
-- is one committed raw event. HMAC comes from libcrypto through LuaJIT's FFI.
--
--   BENCH_SECRET=... wrk -t2 -c64 -d20s -s bench/serve.lua http://127.0.0.1:8089/webhooks/meta
--
-- Env: BENCH_SECRET (the channel's app secret), BENCH_PHONE_NUMBER_ID, BENCH_DISPLAY_NUMBER.
-- At the end it prints "acknowledged=<count of 200s>" and the other statuses.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct evp_md_st EVP_MD;
  const EVP_MD *EVP_sha256(void);
  unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                      const unsigned char *d, size_t n, unsigned char *md, unsigned int *md_len);
]]
local crypto = ffi.load("crypto")

local secret = os.getenv("BENCH_SECRET") or "bench-secret"
local phone_number_id = os.getenv("BENCH_PHONE_NUMBER_ID") or "106540352242922"
local display_number = os.getenv("BENCH_DISPLAY_NUMBER") or "15550783881"

local digest = ffi.new("unsigned char[32]")
local digest_len = ffi.new("unsigned int[1]")

local function hmac_hex(body)
  crypto.HMAC(crypto.EVP_sha256(), secret, #secret, body, #body, digest, digest_len)
  local out = {}
  for i = 0, 31 do out[#out + 1] = string.format("%02x", digest[i]) end
  return table.concat(out)
end

local threads = {}
local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  sequence = 0
  statuses = {}
  -- Unique per run and thread, so repeated runs against one store never collide.
  run_id = (os.getenv("BENCH_RUN") or "r") .. "-" .. tostring(os.time()) .. "-" .. tostring(thread_id or 0) .. "-" .. tostring(math.random(1, 1e9))
end

function request()
  sequence = sequence + 1
  local customer = sequence % 5000
  local body = string.format(
    '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",'
    .. '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"%s","phone_number_id":"%s"},'
    .. '"contacts":[{"profile":{"name":"Customer %d"},"wa_id":"1555%07d","user_id":"US.%d"}],'
    .. '"messages":[{"id":"wamid.bench-%s-%d","timestamp":"1795168800","type":"text",'
    .. '"text":{"body":"Load test message %d: is my order on its way?"},"from":"1555%07d","from_user_id":"US.%d"}]}}]}]}',
    display_number, phone_number_id, customer, customer, 1000000000000 + customer,
    run_id, sequence, sequence, customer, 1000000000000 + customer)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Hub-Signature-256"] = "sha256=" .. hmac_hex(body),
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    if counts then
      for status, count in pairs(counts) do totals[status] = (totals[status] or 0) + count end
    end
  end
  local acknowledged = totals[200] or 0
  io.write(string.format("acknowledged=%d\n", acknowledged))
  for status, count in pairs(totals) do
    if status ~= 200 then io.write(string.format("status_%d=%d\n", status, count)) end
  end
  io.write(string.format("socket_errors connect=%d read=%d write=%d timeout=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("acknowledged_per_second=%.0f\n", acknowledged / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency_p%s_ms=%.2f\n", tostring(p), latency:percentile(p) / 1000))
  end
end
