/**
 * The Lua scripts behind the fleet's shared state. Each runs atomically inside Redis, so replicas
 * never read-modify-write a count or a window between them. Time is Redis's own (`TIME`), so the
 * replicas' clocks need not agree; scripts answer with durations, never instants.
 *
 * A circuit is one hash (`state`: closed | open | isolated, `failures`, `until` in Redis ms) plus a
 * probe lease key. Every script that moves a circuit publishes the news on the service's channel as
 * `{policy, state, remainingMs, failures}`; the same triple is every script's answer.
 */

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** `{state, remainingMs, failures}` of the hash in KEYS[1], without changing it. */
const ANSWER = `
local function answer(key, now)
  local h = redis.call('HMGET', key, 'state', 'until', 'failures')
  local state = h[1] or 'closed'
  local remaining = 0
  if state == 'open' then remaining = math.max(tonumber(h[2] or '0') - now, 0) end
  return {state, remaining, tonumber(h[3] or '0')}
end
local function publish(channel, policy, state, remaining, failures)
  local message = {policy = policy, state = state, remainingMs = remaining, failures = failures}
  redis.call('PUBLISH', channel, cjson.encode(message))
end
`;

/** KEYS: circuit. ARGV: threshold, halfOpenAfterMs, ttlMs, channel, policy. */
export const CIRCUIT_FAILURE = `${NOW}${ANSWER}
local current = answer(KEYS[1], now)
if current[1] ~= 'closed' then return current end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if failures >= tonumber(ARGV[1]) then
  local h = tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'state', 'open', 'until', now + h, 'failures', 0)
  publish(ARGV[4], ARGV[5], 'open', h, 0)
  return {'open', h, 0}
end
-- The first failure tells every replica that its next success must reset the count.
if failures == 1 then publish(ARGV[4], ARGV[5], 'closed', 0, 1) end
return {'closed', 0, failures}
`;

/** KEYS: circuit. ARGV: channel, policy. Only sent by a replica that knows the count is above zero. */
export const CIRCUIT_SUCCESS = `${NOW}${ANSWER}
local current = answer(KEYS[1], now)
if current[1] == 'closed' and current[3] > 0 then
  redis.call('HSET', KEYS[1], 'failures', 0)
  publish(ARGV[1], ARGV[2], 'closed', 0, 0)
  return {'closed', 0, 0}
end
return current
`;

/**
 * KEYS: circuit, probe lease. ARGV: token, leaseMs. Answers state `probe` when the caller won the one
 * half-open probe of the fleet; the lease expires by itself if its holder dies mid-probe.
 */
export const CIRCUIT_TRY_PROBE = `${NOW}${ANSWER}
local current = answer(KEYS[1], now)
if current[1] ~= 'open' or current[2] > 0 then return current end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'probe', 0, 0} end
return current
`;

/**
 * KEYS: circuit, probe lease. ARGV: token, succeeded (1|0), halfOpenAfterMs, ttlMs, channel, policy.
 * A reset or an isolation that came while the probe ran wins over the probe's answer.
 */
export const CIRCUIT_PROBE_RESULT = `${NOW}${ANSWER}
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
local current = answer(KEYS[1], now)
if current[1] ~= 'open' then return current end
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'state', 'closed', 'until', 0, 'failures', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  publish(ARGV[5], ARGV[6], 'closed', 0, 0)
  return {'closed', 0, 0}
end
local h = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'until', now + h)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
publish(ARGV[5], ARGV[6], 'open', h, 0)
return {'open', h, 0}
`;

/**
 * KEYS: circuit, probe lease. ARGV: state (closed | isolated), ttlMs, channel, policy. The admin's reset and isolate.
 */
export const CIRCUIT_SET = `
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'until', 0, 'failures', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('PUBLISH', ARGV[3], cjson.encode({policy = ARGV[4], state = ARGV[1], remainingMs = 0, failures = 0}))
return {ARGV[1], 0, 0}
`;

/** KEYS: circuit. */
export const CIRCUIT_READ = `${NOW}${ANSWER}
return answer(KEYS[1], now)
`;

/**
 * KEYS: window. ARGV: limit, windowMs, maxWaitMs, member. The exact sliding window of the in-process
 * limiter, shared: the sorted set holds the start times (scores) of the calls of the last window,
 * reserved future starts included. A call starts once the limit-th most recent start has left the
 * window. Answers `{waitMs, used}`, or `{-1, waitMs, used}` when the wait is beyond maxWaitMs (nothing
 * is reserved then).
 */
export const RATE_LIMIT_ACQUIRE = `${NOW}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local startAt = now
local kth = redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')
if kth[2] then startAt = math.max(now, tonumber(kth[2]) + window) end
local waitMs = startAt - now
if waitMs > tonumber(ARGV[3]) then return {-1, waitMs, redis.call('ZCARD', KEYS[1])} end
redis.call('ZADD', KEYS[1], startAt, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window + waitMs + 1000)
return {waitMs, redis.call('ZCARD', KEYS[1])}
`;

/**
 * KEYS: window. ARGV: windowMs, member prefix, then the ages (ms) of calls a replica started on its
 * own while Redis was away: they take their slots in the shared window, so rejoining does not grant
 * the fleet a fresh one.
 */
export const RATE_LIMIT_RECORD = `${NOW}
for i = 3, #ARGV do
  redis.call('ZADD', KEYS[1], now - tonumber(ARGV[i]), ARGV[2] .. ':' .. i)
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 1000)
return #ARGV - 2
`;
