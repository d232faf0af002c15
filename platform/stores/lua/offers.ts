import { script } from './prelude.js';

/**
 * A waiting request looks for the most deserving free agent on its routes (longest idle first)
 * that can take it now; a follow-up still reserved for its agent looks only at that agent. The
 * agent is then offered the most urgent request it can serve, which is this one unless a more
 * urgent one waits on its routes; the caller tries again for this one.
 * While the critical reserve holds (see criticalOnly), only a critical request is placed.
 * KEYS: req. ARGV: prefix, requestId, now, cooldownMs, offerId, expiresAt, depth, criticalReserve
 * Returns {'OK', agentId, offeredRequestId, ...the request's fields} or {'NONE'}.
 */
export const OFFER_TO_FREE_AGENT = script(`
local reqId, now, cooldown, offerId, expiresAt, depth = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], ARGV[6], tonumber(ARGV[7])
local r = redis.call('HMGET', KEYS[1], 'state', 'skillGroups', 'declined', 'reservedFor', 'reservedUntil', 'level')
if r[1] ~= 'queued' then return {'NONE'} end
local onlyCritical = criticalOnly(tonumber(ARGV[8]))
if onlyCritical and r[6] ~= 'critical' then return {'NONE'} end
local candidates
if r[4] and now < tonumber(r[5] or 0) then
  candidates = {r[4]}
else
  candidates = freeAgentsFor(reqId, depth)
end
for _, agentId in ipairs(candidates) do
  if not declinedRecently(r[3], agentId, now, cooldown) and meetsGroups(r[2], skillSet(agentId)) and canTakeNow(agentId, now) then
    local best = bestRequestFor(agentId, now, cooldown, depth, onlyCritical) or reqId
    makeOffer(best, agentId, offerId, now, expiresAt)
    return {'OK', agentId, best, unpack(redis.call('HGETALL', reqKey(best)))}
  end
end
return {'NONE'}
`);

/**
 * An agent with a spare slot is offered the most urgent request it can serve, however deep in
 * the queue: each of its routes is read at its head only.
 * KEYS: presence. ARGV: prefix, agentId, now, cooldownMs, offerId, expiresAt, depth, criticalReserve
 * Returns {'OK', requestId, ...the request's fields} or {'NONE'}: the offer needs no second read.
 */
export const OFFER_BEST_REQUEST = script(`
local agentId, now, cooldown, offerId, expiresAt, depth = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], ARGV[6], tonumber(ARGV[7])
if not canTakeNow(agentId, now) then return {'NONE'} end
local best = bestRequestFor(agentId, now, cooldown, depth, criticalOnly(tonumber(ARGV[8])))
if not best then return {'NONE'} end
makeOffer(best, agentId, offerId, now, expiresAt)
return {'OK', best, unpack(redis.call('HGETALL', reqKey(best)))}
`);

/** Claims one given request for one given agent. KEYS: req. ARGV: prefix, requestId, agentId, offerId, now, expiresAt */
export const CLAIM_OFFER = script(`
local reqId, agentId, offerId, now, expiresAt = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
if not canTakeNow(agentId, now) then return 0 end
makeOffer(reqId, agentId, offerId, now, expiresAt)
return 1
`);

/**
 * A request waiting for its callback gets a callback deadline at once, due at \`ringBy\`: the
 * accepting instance rings the user sooner (and moves it), but one that dies first strands no one,
 * since the sweep then rings them (see CALLBACK_DUE).
 * KEYS: offer. ARGV: prefix, offerId, agentId, now, sessionId, ringBy
 */
export const ACCEPT_OFFER = script(`
local offerId, agentId, now, sessionId = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local o = redis.call('HMGET', KEYS[1], 'requestId', 'agentId', 'expiresAt')
if not o[1] then return {'GONE'} end
if o[2] ~= agentId then return {'FORBIDDEN'} end
if tonumber(o[3]) < tonumber(now) then return {'GONE'} end
local req = reqKey(o[1])
local r = redis.call('HMGET', req, 'state', 'offerId')
if r[1] ~= 'offered' or r[2] ~= offerId then return {'GONE'} end
redis.call('DEL', KEYS[1])
redis.call('ZREM', DEADLINES, offerId)
redis.call('SREM', agentOffersKey(agentId), offerId)
redis.call('HSET', req, 'state', 'assigned', 'sessionId', sessionId, 'agentId', agentId, 'assignedAt', now)
redis.call('HDEL', req, 'offerId', 'offerAgentId')
redis.call('ZREM', ABANDON, o[1])
if redis.call('HGET', req, 'callback') == 'waiting' then redis.call('ZADD', CALLBACKS, ARGV[6], o[1]) end
redis.call('HSET', sessionKey(sessionId), 'requestId', o[1], 'agentId', agentId, 'startedAt', now, 'state', 'active')
redis.call('SADD', P .. 'sessions:active', sessionId)
redis.call('SADD', agentSessionsKey(agentId), sessionId)
return {'OK', o[1]}
`);

/**
 * Ends an offer without a session. mode: decline (only its agent), expire (only when due),
 * withdraw (the agent left; no decline is recorded). The request goes back to the queue. A
 * follow-up's own agent who declines or lets it expire gives up its reservation: anyone may take it.
 * KEYS: offer. ARGV: prefix, offerId, now, mode, agentId
 */
export const RELEASE_OFFER = script(`
local offerId, now, mode, agentId = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local o = redis.call('HMGET', KEYS[1], 'requestId', 'agentId', 'expiresAt')
if not o[1] then
  redis.call('ZREM', DEADLINES, offerId)
  return {'GONE'}
end
if mode == 'decline' and o[2] ~= agentId then return {'FORBIDDEN'} end
if mode == 'expire' and tonumber(o[3]) > tonumber(now) then return {'NOT_DUE'} end
redis.call('DEL', KEYS[1])
redis.call('ZREM', DEADLINES, offerId)
redis.call('SREM', agentOffersKey(o[2]), offerId)
releaseSlot(o[2], now, false)
local req = reqKey(o[1])
local r = redis.call('HMGET', req, 'state', 'offerId', 'declined')
if r[1] == 'offered' and r[2] == offerId then
  local declined = cjson.decode(r[3] or '{}')
  if mode ~= 'withdraw' then
    declined[o[2]] = now
    if redis.call('HGET', req, 'reservedFor') == o[2] then redis.call('HDEL', req, 'reservedFor', 'reservedUntil') end
  end
  redis.call('HSET', req, 'state', 'queued', 'declined', cjson.encode(declined))
  redis.call('HDEL', req, 'offerId', 'offerAgentId')
  queueAdd(o[1])
end
return {'OK', o[1], o[2]}
`);

/**
 * Ends an active session, frees the agent's slot and closes the request; with requeue=1 (the
 * media room could not be made) the request goes back to the queue instead. Returns the status,
 * the request, the agent, when it started and the agent still invited to consult, if any.
 * KEYS: session. ARGV: prefix, sessionId, now, reason, outcome, retentionMs, requeue
 */
export const END_SESSION = script(`
local sessionId, now, reason, outcome, retention, requeue = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local s = redis.call('HMGET', KEYS[1], 'requestId', 'agentId', 'startedAt', 'state')
if not s[1] or s[4] ~= 'active' then return {'GONE'} end
redis.call('HSET', KEYS[1], 'state', 'ended', 'endedAt', now, 'reason', reason, 'outcome', outcome)
redis.call('PEXPIRE', KEYS[1], retention)
redis.call('SREM', P .. 'sessions:active', sessionId)
redis.call('SREM', agentSessionsKey(s[2]), sessionId)
releaseSlot(s[2], now, true)
-- A consult still open when the call ends gives its agent's slot back (see lua/transfers.ts).
local consulted = redis.call('HGET', KEYS[1], 'consultAgent')
if consulted then
  releaseSlot(consulted, now, false)
  redis.call('HDEL', KEYS[1], 'consultAgent', 'consultState', 'consultUntil')
  redis.call('ZREM', P .. 'consults:deadline', sessionId)
end
local req = reqKey(s[1])
if requeue == '1' then
  redis.call('HSET', req, 'state', 'queued')
  redis.call('HDEL', req, 'sessionId', 'agentId', 'assignedAt')
  queueAdd(s[1])
  return {'REQUEUED', s[1], s[2], s[3], consulted or ''}
end
redis.call('HSET', req, 'state', 'ended', 'endedAt', now, 'endedReason', reason)
redis.call('PEXPIRE', req, retention)
clearActive(s[1], redis.call('HGET', req, 'userId'))
redis.call('LPUSH', P .. 'stats:handle-seconds', (tonumber(now) - tonumber(s[3])) / 1000)
redis.call('LTRIM', P .. 'stats:handle-seconds', 0, 99)
return {'ENDED', s[1], s[2], s[3], consulted or ''}
`);
