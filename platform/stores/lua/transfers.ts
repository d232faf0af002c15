import { script } from './prelude.js';

// A session's consult lives on its own hash: consultAgent, consultState (invited | joined) and
// consultUntil. The consulted agent's slot is taken at the invitation, so routing offers them
// nothing else meanwhile and the handover cannot find them full.
const CONSULTS_DUE = `local CONSULTS_DUE = P .. 'consults:deadline'`;

/**
 * The serving agent invites another agent to consult. The target must be available with a live
 * socket and a spare slot.
 * KEYS: session. ARGV: prefix, sessionId, fromAgentId, toAgentId, now, expiresAt
 * Returns {'OK', requestId} or {GONE | FORBIDDEN | PENDING | OFFLINE | BUSY}.
 */
export const CONSULT_INVITE = script(`${CONSULTS_DUE}
local sessionId, from, to, now, expiresAt = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
local s = redis.call('HMGET', KEYS[1], 'state', 'agentId', 'consultAgent', 'requestId')
if s[1] ~= 'active' then return {'GONE'} end
if s[2] ~= from then return {'FORBIDDEN'} end
if s[3] then return {'PENDING'} end
local p = redis.call('HMGET', presenceKey(to), 'status', 'load', 'maxSessions')
if p[1] ~= 'available' or liveSockets(socketsKey('agent', to), now) == 0 then return {'OFFLINE'} end
if tonumber(p[2] or 0) >= tonumber(p[3] or 0) then return {'BUSY'} end
redis.call('HINCRBY', presenceKey(to), 'load', 1)
refreshFree(to)
redis.call('HSET', KEYS[1], 'consultAgent', to, 'consultState', 'invited', 'consultUntil', expiresAt)
redis.call('ZADD', CONSULTS_DUE, expiresAt, sessionId)
return {'OK', s[4]}
`);

/**
 * The invited agent joins the consult. Joining twice is the same as once.
 * KEYS: session. ARGV: prefix, sessionId, agentId
 * Returns {'OK', requestId, servingAgentId} or {GONE | FORBIDDEN}.
 */
export const CONSULT_ACCEPT = script(`${CONSULTS_DUE}
local sessionId, agentId = ARGV[2], ARGV[3]
local s = redis.call('HMGET', KEYS[1], 'state', 'consultAgent', 'consultState', 'requestId', 'agentId')
if s[1] ~= 'active' or not s[2] then return {'GONE'} end
if s[2] ~= agentId then return {'FORBIDDEN'} end
redis.call('HSET', KEYS[1], 'consultState', 'joined')
redis.call('ZREM', CONSULTS_DUE, sessionId)
return {'OK', s[4], s[5]}
`);

/**
 * A consult ends without a handover: declined by the consulted agent, cancelled by the serving
 * one, or expired unanswered. The consulted agent's slot is given back.
 * KEYS: session. ARGV: prefix, sessionId, mode (decline | cancel | expire), agentId, now
 * Returns {'OK', consultedAgentId, servingAgentId, requestId} or {GONE | FORBIDDEN | NOT_DUE}.
 */
export const CONSULT_END = script(`${CONSULTS_DUE}
local sessionId, mode, who, now = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local s = redis.call('HMGET', KEYS[1], 'agentId', 'consultAgent', 'consultState', 'consultUntil', 'requestId')
if not s[2] then
  redis.call('ZREM', CONSULTS_DUE, sessionId)
  return {'GONE'}
end
if mode == 'decline' and s[2] ~= who then return {'FORBIDDEN'} end
if mode == 'cancel' and s[1] ~= who then return {'FORBIDDEN'} end
if mode == 'expire' and (s[3] ~= 'invited' or tonumber(s[4]) > now) then return {'NOT_DUE'} end
redis.call('HDEL', KEYS[1], 'consultAgent', 'consultState', 'consultUntil')
redis.call('ZREM', CONSULTS_DUE, sessionId)
releaseSlot(s[2], now, false)
return {'OK', s[2], s[1], s[5]}
`);

/**
 * Warm handover: the consulted agent becomes the session's agent in the same room, with the slot
 * it has held since the invitation; the serving agent's slot is freed. The request never queues.
 * KEYS: session. ARGV: prefix, sessionId, fromAgentId, now
 * Returns {'OK', requestId, toAgentId} or {GONE | FORBIDDEN | NO_CONSULT}.
 */
export const TRANSFER_WARM = script(`${CONSULTS_DUE}
local sessionId, from, now = ARGV[2], ARGV[3], ARGV[4]
local s = redis.call('HMGET', KEYS[1], 'state', 'agentId', 'consultAgent', 'consultState', 'requestId')
if s[1] ~= 'active' then return {'GONE'} end
if s[2] ~= from then return {'FORBIDDEN'} end
if not s[3] or s[4] ~= 'joined' then return {'NO_CONSULT'} end
local to = s[3]
redis.call('HSET', KEYS[1], 'agentId', to, 'transferredFrom', from, 'transferredAt', now)
redis.call('HDEL', KEYS[1], 'consultAgent', 'consultState', 'consultUntil')
redis.call('SREM', agentSessionsKey(from), sessionId)
redis.call('SADD', agentSessionsKey(to), sessionId)
releaseSlot(from, now, true)
redis.call('HSET', reqKey(s[5]), 'agentId', to)
return {'OK', s[5], to}
`);

/**
 * Cold handover: the session ends as \`transferred\` and its request goes back to the queue of
 * another category, keeping its rank (so its wait counts), with the note for whoever takes it.
 * The transferring agent is recorded as having declined it, so it goes to someone else first.
 * A consult in progress is cancelled.
 * KEYS: session. ARGV: prefix, sessionId, fromAgentId, now, category, note, retentionMs, abandonAt
 * Returns {'OK', requestId, consultedAgentId or ''} or {GONE | FORBIDDEN}.
 */
export const TRANSFER_COLD = script(`${CONSULTS_DUE}
local sessionId, from, now, category, note, retention, abandonAt = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local s = redis.call('HMGET', KEYS[1], 'state', 'agentId', 'requestId', 'consultAgent')
if s[1] ~= 'active' then return {'GONE'} end
if s[2] ~= from then return {'FORBIDDEN'} end
if s[4] then
  releaseSlot(s[4], now, false)
  redis.call('HDEL', KEYS[1], 'consultAgent', 'consultState', 'consultUntil')
  redis.call('ZREM', CONSULTS_DUE, sessionId)
end
redis.call('HSET', KEYS[1], 'state', 'ended', 'endedAt', now, 'reason', 'transferred', 'outcome', 'transferred')
redis.call('PEXPIRE', KEYS[1], retention)
redis.call('SREM', P .. 'sessions:active', sessionId)
redis.call('SREM', agentSessionsKey(from), sessionId)
releaseSlot(from, now, true)
local req = reqKey(s[3])
local declined = cjson.decode(redis.call('HGET', req, 'declined') or '{}')
declined[from] = now
local placed = redis.call('HEXISTS', req, 'routes') == 1
redis.call('HDEL', req, 'sessionId', 'agentId', 'assignedAt', 'reservedFor', 'reservedUntil', unpack(PLACEMENT_FIELDS))
redis.call('HSET', req, 'state', 'queued', 'category', category, 'declined', cjson.encode(declined),
  'transferNote', note, 'transferredBy', from)
-- Under a routing policy the new category's queue is decided again at once (as RESCORE does).
if placed then redis.call('HSET', req, 'stepDueAt', 0) end
queueAdd(s[3])
-- A caller who already left gets the abandon clock a waiting caller gets when their socket closes.
if needsUserPresent(s[3]) and liveSockets(socketsKey('req', s[3]), now) == 0 then
  redis.call('ZADD', ABANDON, abandonAt, s[3])
end
return {'OK', s[3], s[4] or ''}
`);
