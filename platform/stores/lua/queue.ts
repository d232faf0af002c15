import { script } from './prelude.js';

/**
 * A new request joins the queue and its routes' indexes. For a live call its abandon clock starts
 * at once, so a user who never opens a socket is abandoned after the grace period like one who
 * left; a text or voice conversation waits for its user however long they are away.
 * KEYS: req. ARGV: prefix, id, userId, rank, maxWaiting, activeTtlMs, abandonDeadline, field, value, ...
 * Returns {'OK', its 0-based place on its first route, its routes}, {'FULL'} or {'ACTIVE', the user's open request}.
 */
export const ENQUEUE = script(`
local id, userId, rank = ARGV[2], ARGV[3], ARGV[4]
if redis.call('ZCARD', QUEUE) >= tonumber(ARGV[5]) then return {'FULL'} end
local existing = redis.call('GET', activeKey(userId))
if existing then
  local st = redis.call('HGET', reqKey(existing), 'state')
  if isOpen(st) then return {'ACTIVE', existing} end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 8))
redis.call('HSET', KEYS[1], 'state', 'queued', 'rank', rank, 'declined', '{}')
queueAdd(id)
if needsUserPresent(id) then redis.call('ZADD', ABANDON, ARGV[7], id) end
redis.call('SET', activeKey(userId), id, 'PX', ARGV[6])
redis.call('ZADD', P .. 'user-requests:' .. userId, redis.call('HGET', KEYS[1], 'createdAt'), id)
return {'OK', redis.call('ZREVRANK', routeKeysOf(id)[1], id), redis.call('HGET', KEYS[1], 'routes') or ''}
`);

/**
 * Open cases from the system of record back in the queue after Redis lost it, many per call, in
 * the order given; each as ENQUEUE queues a new one (its route's index, a live call's abandon
 * clock, the user's requests) with its stored rank. A case the queue holds already is left as
 * it is ('OPEN'), so a rebuild run twice restores nothing twice. Unlike ENQUEUE it never refuses
 * a user's second open case: the user's active case becomes it only if no other one is open.
 * KEYS: queue. ARGV: prefix, activeTtlMs, abandonDeadline, then per case: id, userId, rank, n,
 * and n more: field, value, ... Returns 'OK' or 'OPEN' per case.
 */
export const RESTORE = script(`
local statuses = {}
local i = 4
while i <= #ARGV do
  local id, userId, rank = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local last = i + 3 + tonumber(ARGV[i + 3])
  local key = reqKey(id)
  local st = redis.call('HGET', key, 'state')
  if isOpen(st) then
    statuses[#statuses + 1] = 'OPEN'
  else
    redis.call('HDEL', key, unpack(PLACEMENT_FIELDS))
    redis.call('HSET', key, unpack(ARGV, i + 4, last))
    redis.call('HSET', key, 'state', 'queued', 'rank', rank, 'declined', '{}')
    queueAdd(id)
    if needsUserPresent(id) then redis.call('ZADD', ABANDON, ARGV[3], id) end
    local existing = redis.call('GET', activeKey(userId))
    local other = existing and existing ~= id and redis.call('HGET', reqKey(existing), 'state')
    if not isOpen(other) then
      redis.call('SET', activeKey(userId), id, 'PX', ARGV[2])
    end
    redis.call('ZADD', P .. 'user-requests:' .. userId, redis.call('HGET', key, 'createdAt'), id)
    statuses[#statuses + 1] = 'OK'
  end
  i = last + 1
end
return statuses
`);

/**
 * Closes a request that has no session yet (waiting, offered or with the assistant): the user
 * cancelled, or was gone past the grace period (requireGone=1: only if no live socket holds it).
 * An outstanding offer is withdrawn and its agent's slot freed. KEYS: req. ARGV: prefix, requestId, now, reason, requireGone, retentionMs
 */
export const CLOSE_WAITING = script(`
local reqId, now, reason, requireGone, retention = ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6]
local r = redis.call('HMGET', KEYS[1], 'state', 'offerId', 'userId', 'sessionId')
if requireGone == '1' then redis.call('ZREM', ABANDON, reqId) end
if not r[1] then return {'GONE'} end
if requireGone == '1' and liveSockets(socketsKey('req', reqId), now) > 0 then return {'CONNECTED'} end
if r[1] == 'assigned' then return {'ASSIGNED', r[4]} end
if r[1] ~= 'queued' and r[1] ~= 'offered' and r[1] ~= 'assistant' then return {'GONE'} end
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
queueRemove(reqId)
redis.call('ZREM', ABANDON, reqId)
redis.call('ZREM', ASSISTANT_DUE, reqId)
redis.call('HSET', KEYS[1], 'state', reason, 'endedAt', now, 'endedReason', reason)
redis.call('HDEL', KEYS[1], 'offerId', 'offerAgentId')
redis.call('PEXPIRE', KEYS[1], retention)
clearActive(reqId, r[3])
if reason == 'abandoned' then redis.call('HINCRBY', P .. 'stats', 'abandoned', 1) end
return {'CLOSED', r[1], r[2] or '', agentId}
`);

/**
 * New urgency for a request (its voice message was transcribed): score, level, category and the
 * queue rank change together, the rank keeping any priority a routing policy added. A new
 * category makes the routes a policy gave the request stale: they are dropped (the request falls
 * back to its language and category) and its queue's next decision is due at once.
 * KEYS: req. ARGV: prefix, requestId, rank, field, value, ...
 */
export const RESCORE = script(`
local reqId = ARGV[2]
local r = redis.call('HMGET', KEYS[1], 'state', 'category', 'priorityBoost')
local state = r[1]
if not state then return 'GONE' end
if state == 'queued' then queueRemove(reqId) end
redis.call('HSET', KEYS[1], 'rank', tonumber(ARGV[3]) + tonumber(r[3] or 0), unpack(ARGV, 4))
if redis.call('HGET', KEYS[1], 'category') ~= r[2] and redis.call('HEXISTS', KEYS[1], 'routes') == 1 then
  redis.call('HDEL', KEYS[1], 'routes', 'skillGroups')
  redis.call('HSET', KEYS[1], 'stepDueAt', 0)
end
if state == 'queued' then queueAdd(reqId) end
return state
`);

/**
 * The first recorded message of a request (voice, or a video clip) wins; a repeat upload is the
 * same work. KEYS: req. ARGV: prefix, contentType, durationSeconds, then a video's field, value, ...
 */
export const CLAIM_VOICE = script(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 'GONE' end
if redis.call('HSETNX', KEYS[1], 'voiceContentType', ARGV[2]) == 0 then return 'EXISTS' end
redis.call('HSET', KEYS[1], 'voiceSeconds', ARGV[3], 'transcriptStatus', 'pending', unpack(ARGV, 4))
return 'OK'
`);

/**
 * A closed case waits again for a follow-up or an escalation, as the system of record has it,
 * reserved for `reservedFor` until `reservedUntil`. Idempotent per task: a request this task
 * reopened already, or one that is open anyway, is left alone, so a retry after a crash never
 * queues it twice. The user's active case becomes this one unless another is open.
 * KEYS: req. ARGV: prefix, id, userId, rank, taskId, reservedFor, reservedUntil, activeTtlMs, field, value, ...
 * Returns 'OK', 'DONE' (this task reopened it before) or 'OPEN' (it is open already).
 */
export const REOPEN = script(`
local id, userId, rank, taskId = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local r = redis.call('HMGET', KEYS[1], 'state', 'followUp')
if r[2] == taskId then return 'DONE' end
if isOpen(r[1]) then return 'OPEN' end
redis.call('HDEL', KEYS[1], 'sessionId', 'agentId', 'assignedAt', 'endedAt', 'endedReason', 'offerId', 'offerAgentId', 'media', 'reservedFor', 'reservedUntil', unpack(PLACEMENT_FIELDS))
redis.call('HSET', KEYS[1], unpack(ARGV, 9))
redis.call('HSET', KEYS[1], 'state', 'queued', 'rank', rank, 'declined', '{}', 'followUp', taskId)
if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'reservedFor', ARGV[6], 'reservedUntil', ARGV[7]) end
redis.call('PERSIST', KEYS[1])
queueAdd(id)
local existing = redis.call('GET', activeKey(userId))
local st = existing and redis.call('HGET', reqKey(existing), 'state')
if not isOpen(st) then redis.call('SET', activeKey(userId), id, 'PX', ARGV[8]) end
return 'OK'
`);

/**
 * Where requests stand, without the prelude (it needs none of it): a request's place counts only
 * those ahead of it on its own route (its first, the one it joined with), the ones competing for
 * the same agents. KEYS: queue.
 * ARGV: prefix, requestId, ... Per request: its 0-based place on its first route (-1: not
 * waiting), its state ('' if gone), and its routes (JSON): who can serve it is who serves any.
 */
export const STANDINGS = `
local out = {}
for i = 2, #ARGV do
  local r = redis.call('HMGET', ARGV[1] .. 'req:' .. ARGV[i], 'state', 'routeLang', 'category', 'routes')
  local routes = r[4] or cjson.encode({(r[2] or '') .. ':' .. (r[3] or 'general')})
  local rank = -1
  if r[1] == 'queued' then rank = redis.call('ZREVRANK', ARGV[1] .. 'queue:' .. cjson.decode(routes)[1], ARGV[i]) or -1 end
  out[#out + 1] = rank
  out[#out + 1] = r[1] or ''
  out[#out + 1] = routes
end
return out
`;
