/**
 * Lua scripts behind every state change that more than one instance may race on. Each runs
 * atomically in Redis, so a request is claimed by at most one agent and an agent never exceeds
 * its capacity, however many API instances dispatch at once. ARGV[1] is always the key prefix;
 * on Redis Cluster, give the prefix a hash tag (e.g. `{lifeline}:`) so all keys share one slot.
 */

const PRELUDE = `
local P = ARGV[1]
local QUEUE = P .. 'queue'
local DEADLINES = P .. 'offers:deadline'
local ONLINE = P .. 'agents:online'
local ABANDON = P .. 'abandon:deadline'
local function reqKey(id) return P .. 'req:' .. id end
local function presenceKey(id) return P .. 'presence:' .. id end
local function offerKey(id) return P .. 'offer:' .. id end
local function sessionKey(id) return P .. 'session:' .. id end
local function activeKey(userId) return P .. 'user-active:' .. userId end
local function agentOffersKey(agentId) return P .. 'agent-offers:' .. agentId end
local function releaseSlot(agentId, now, becameIdle)
  local pk = presenceKey(agentId)
  local load = redis.call('HINCRBY', pk, 'load', -1)
  if load <= 0 then
    redis.call('HSET', pk, 'load', 0)
    if becameIdle then redis.call('HSET', pk, 'idleSince', now) end
  end
end
local function clearActive(reqId, userId)
  if userId and redis.call('GET', activeKey(userId)) == reqId then redis.call('DEL', activeKey(userId)) end
end
`;

const script = (body: string) => `${PRELUDE}\n${body}`;

/** KEYS: req. ARGV: prefix, id, userId, rank, maxWaiting, activeTtlMs, field, value, ... */
export const ENQUEUE = script(`
local id, userId, rank = ARGV[2], ARGV[3], ARGV[4]
if redis.call('ZCARD', QUEUE) >= tonumber(ARGV[5]) then return {'FULL'} end
local existing = redis.call('GET', activeKey(userId))
if existing then
  local st = redis.call('HGET', reqKey(existing), 'state')
  if st == 'queued' or st == 'offered' or st == 'assigned' then return {'ACTIVE', existing} end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 7))
redis.call('HSET', KEYS[1], 'state', 'queued', 'rank', rank, 'conns', 0, 'declined', '{}')
redis.call('ZADD', QUEUE, rank, id)
redis.call('SET', activeKey(userId), id, 'PX', ARGV[6])
redis.call('ZADD', P .. 'user-requests:' .. userId, redis.call('HGET', KEYS[1], 'createdAt'), id)
return {'OK'}
`);

/** KEYS: req. ARGV: prefix, requestId, agentId, offerId, now, expiresAt */
export const CLAIM_OFFER = script(`
local reqId, agentId, offerId, now, expiresAt = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
local pk = presenceKey(agentId)
local p = redis.call('HMGET', pk, 'status', 'load', 'maxSessions', 'leaseUntil')
if p[1] ~= 'available' or tonumber(p[4] or 0) < now then return 0 end
if tonumber(p[2] or 0) >= tonumber(p[3] or 0) then return 0 end
redis.call('HINCRBY', pk, 'load', 1)
redis.call('HSET', KEYS[1], 'state', 'offered', 'offerId', offerId, 'offerAgentId', agentId)
redis.call('ZREM', QUEUE, reqId)
redis.call('HSET', offerKey(offerId), 'requestId', reqId, 'agentId', agentId, 'expiresAt', expiresAt)
redis.call('PEXPIREAT', offerKey(offerId), tonumber(expiresAt) + 3600000)
redis.call('ZADD', DEADLINES, expiresAt, offerId)
redis.call('SADD', agentOffersKey(agentId), offerId)
return 1
`);

/** KEYS: offer. ARGV: prefix, offerId, agentId, now, sessionId */
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
redis.call('HSET', sessionKey(sessionId), 'requestId', o[1], 'agentId', agentId, 'startedAt', now, 'state', 'active')
redis.call('SADD', P .. 'sessions:active', sessionId)
return {'OK', o[1]}
`);

/**
 * Ends an offer without a session. mode: decline (only its agent), expire (only when due),
 * withdraw (the agent left; no decline is recorded). The request goes back to the queue.
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
local r = redis.call('HMGET', req, 'state', 'offerId', 'rank', 'declined')
if r[1] == 'offered' and r[2] == offerId then
  local declined = cjson.decode(r[4] or '{}')
  if mode ~= 'withdraw' then declined[o[2]] = now end
  redis.call('HSET', req, 'state', 'queued', 'declined', cjson.encode(declined))
  redis.call('HDEL', req, 'offerId', 'offerAgentId')
  redis.call('ZADD', QUEUE, r[3], o[1])
end
return {'OK', o[1], o[2]}
`);

/**
 * Ends an active session, frees the agent's slot and closes the request; with requeue=1 (the
 * media room could not be made) the request goes back to the queue instead.
 * KEYS: session. ARGV: prefix, sessionId, now, reason, outcome, retentionMs, requeue
 */
export const END_SESSION = script(`
local sessionId, now, reason, outcome, retention, requeue = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local s = redis.call('HMGET', KEYS[1], 'requestId', 'agentId', 'startedAt', 'state')
if not s[1] or s[4] ~= 'active' then return {'GONE'} end
redis.call('HSET', KEYS[1], 'state', 'ended', 'endedAt', now, 'reason', reason, 'outcome', outcome)
redis.call('PEXPIRE', KEYS[1], retention)
redis.call('SREM', P .. 'sessions:active', sessionId)
releaseSlot(s[2], now, true)
local req = reqKey(s[1])
if requeue == '1' then
  redis.call('HSET', req, 'state', 'queued')
  redis.call('HDEL', req, 'sessionId', 'agentId', 'assignedAt')
  redis.call('ZADD', QUEUE, redis.call('HGET', req, 'rank'), s[1])
  return {'REQUEUED', s[1], s[2], s[3]}
end
redis.call('HSET', req, 'state', 'ended', 'endedAt', now, 'endedReason', reason)
redis.call('PEXPIRE', req, retention)
clearActive(s[1], redis.call('HGET', req, 'userId'))
redis.call('LPUSH', P .. 'stats:handle-seconds', (tonumber(now) - tonumber(s[3])) / 1000)
redis.call('LTRIM', P .. 'stats:handle-seconds', 0, 99)
return {'ENDED', s[1], s[2], s[3]}
`);

/**
 * Closes a request that has no session yet: the user cancelled, or was gone past the grace
 * period (requireGone=1). An outstanding offer is withdrawn and its agent's slot freed.
 * KEYS: req. ARGV: prefix, requestId, now, reason, requireGone, retentionMs
 */
export const CLOSE_WAITING = script(`
local reqId, now, reason, requireGone, retention = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local r = redis.call('HMGET', KEYS[1], 'state', 'offerId', 'conns', 'userId', 'sessionId')
if requireGone == '1' then redis.call('ZREM', ABANDON, reqId) end
if not r[1] then return {'GONE'} end
if requireGone == '1' and tonumber(r[3] or 0) > 0 then return {'CONNECTED'} end
if r[1] == 'assigned' then return {'ASSIGNED', r[5]} end
if r[1] ~= 'queued' and r[1] ~= 'offered' then return {'GONE'} end
local agentId = ''
if r[1] == 'offered' then
  agentId = redis.call('HGET', offerKey(r[2]), 'agentId') or ''
  redis.call('DEL', offerKey(r[2]))
  redis.call('ZREM', DEADLINES, r[2])
  if agentId ~= '' then
    redis.call('SREM', agentOffersKey(agentId), r[2])
    releaseSlot(agentId, now, false)
  end
end
redis.call('ZREM', QUEUE, reqId)
redis.call('ZREM', ABANDON, reqId)
redis.call('HSET', KEYS[1], 'state', reason, 'endedAt', now, 'endedReason', reason)
redis.call('HDEL', KEYS[1], 'offerId', 'offerAgentId')
redis.call('PEXPIRE', KEYS[1], retention)
clearActive(reqId, r[4])
if reason == 'abandoned' then redis.call('HINCRBY', P .. 'stats', 'abandoned', 1) end
return {'CLOSED', r[1], r[2] or '', agentId}
`);

/** Counts a user's sockets; the last one leaving starts the abandon clock. KEYS: req. ARGV: prefix, requestId, delta, deadline */
export const USER_CONNECTION = script(`
local reqId, delta, deadline = ARGV[2], tonumber(ARGV[3]), ARGV[4]
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local conns = redis.call('HINCRBY', KEYS[1], 'conns', delta)
if conns < 0 then conns = 0; redis.call('HSET', KEYS[1], 'conns', 0) end
local st = redis.call('HGET', KEYS[1], 'state')
if conns == 0 and (st == 'queued' or st == 'offered') then
  redis.call('ZADD', ABANDON, deadline, reqId)
else
  redis.call('ZREM', ABANDON, reqId)
end
return conns
`);

/**
 * Counts an agent's sockets and keeps its routing profile beside its presence; the last socket
 * leaving takes it offline. KEYS: presence. ARGV: prefix, agentId, delta, now, leaseUntil, languages, skills, maxSessions
 */
export const AGENT_CONNECTION = script(`
local agentId, delta, now = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local conns = redis.call('HINCRBY', KEYS[1], 'conns', delta)
if conns < 0 then conns = 0; redis.call('HSET', KEYS[1], 'conns', 0) end
if delta > 0 then
  redis.call('HSET', KEYS[1], 'leaseUntil', ARGV[5], 'languages', ARGV[6], 'skills', ARGV[7], 'maxSessions', ARGV[8])
  if not redis.call('HGET', KEYS[1], 'status') or redis.call('HGET', KEYS[1], 'status') == 'offline' then
    redis.call('HSET', KEYS[1], 'status', 'away')
    redis.call('HSETNX', KEYS[1], 'load', 0)
    redis.call('HSETNX', KEYS[1], 'idleSince', now)
  end
end
if conns == 0 then
  redis.call('HSET', KEYS[1], 'status', 'offline')
  redis.call('SREM', ONLINE, agentId)
end
return conns
`);

/** KEYS: presence. ARGV: prefix, agentId, status, now, leaseUntil */
export const SET_STATUS = script(`
local agentId, status, now = ARGV[2], ARGV[3], ARGV[4]
if tonumber(redis.call('HGET', KEYS[1], 'conns') or 0) <= 0 then return 'offline' end
local previous = redis.call('HGET', KEYS[1], 'status')
redis.call('HSET', KEYS[1], 'status', status, 'leaseUntil', ARGV[5])
if status == 'available' then
  redis.call('SADD', ONLINE, agentId)
  if previous ~= 'available' and tonumber(redis.call('HGET', KEYS[1], 'load') or 0) == 0 then
    redis.call('HSET', KEYS[1], 'idleSince', now)
  end
else
  redis.call('SREM', ONLINE, agentId)
end
return previous or 'offline'
`);

/** Takes offline an agent whose instance stopped renewing its lease. KEYS: presence. ARGV: prefix, agentId, now */
export const EXPIRE_LEASE = script(`
local agentId, now = ARGV[2], tonumber(ARGV[3])
if tonumber(redis.call('HGET', KEYS[1], 'leaseUntil') or 0) >= now then return 0 end
redis.call('HSET', KEYS[1], 'status', 'offline', 'conns', 0)
redis.call('SREM', ONLINE, agentId)
return 1
`);

/**
 * New urgency for a request (its voice message was transcribed): score, level, category and the
 * queue rank change together, so the queue never holds a rank that disagrees with the score.
 * KEYS: req. ARGV: prefix, requestId, rank, field, value, ...
 */
export const RESCORE = script(`
local reqId, rank = ARGV[2], ARGV[3]
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'GONE' end
redis.call('HSET', KEYS[1], 'rank', rank, unpack(ARGV, 4))
if state == 'queued' then redis.call('ZADD', QUEUE, rank, reqId) end
return state
`);

/** The first voice message of a request wins; a repeat upload is the same work. KEYS: req. ARGV: prefix, contentType, durationSeconds */
export const CLAIM_VOICE = script(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 'GONE' end
if redis.call('HSETNX', KEYS[1], 'voiceContentType', ARGV[2]) == 0 then return 'EXISTS' end
redis.call('HSET', KEYS[1], 'voiceSeconds', ARGV[3], 'transcriptStatus', 'pending')
return 'OK'
`);
