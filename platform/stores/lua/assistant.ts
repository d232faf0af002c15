import { script } from './prelude.js';

/**
 * The assistant's hold on a text conversation: the case is the user's open case, as a queued one
 * is, but in no line and no route index, so no agent is offered it until the assistant hands it
 * over. `assistant:due` holds when it is handed over anyway if the user says nothing more.
 */

/**
 * A new case the assistant answers first. Refused ('ACTIVE') when the user has another open case,
 * as ENQUEUE is. KEYS: req. ARGV: prefix, id, userId, rank, activeTtlMs, dueAt, field, value, ...
 */
export const ASSISTANT_HOLD = script(`
local id, userId, rank = ARGV[2], ARGV[3], ARGV[4]
local existing = redis.call('GET', activeKey(userId))
if existing and isOpen(redis.call('HGET', reqKey(existing), 'state')) then return {'ACTIVE', existing} end
redis.call('HSET', KEYS[1], unpack(ARGV, 7))
redis.call('HSET', KEYS[1], 'state', 'assistant', 'rank', rank, 'declined', '{}', 'notHelped', 0)
redis.call('ZADD', ASSISTANT_DUE, ARGV[6], id)
redis.call('SET', activeKey(userId), id, 'PX', ARGV[5])
redis.call('ZADD', P .. 'user-requests:' .. userId, redis.call('HGET', KEYS[1], 'createdAt'), id)
redis.call('HINCRBY', P .. 'stats', 'assistantHeld', 1)
return {'OK'}
`);

/**
 * The assistant answered (again): the articles it has given so far, a later idle deadline, and
 * one more "did not help" when the user said so. Only while it holds the case.
 * KEYS: req. ARGV: prefix, id, dueAt, shownArticlesJson ('' to keep), notHelpedDelta.
 * Returns {'OK', times not helped} or {'NOT_HELD', state}.
 */
export const ASSISTANT_TURN = script(`
local st = redis.call('HGET', KEYS[1], 'state')
if st ~= 'assistant' then return {'NOT_HELD', st or ''} end
redis.call('ZADD', ASSISTANT_DUE, ARGV[3], ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'shownArticles', ARGV[4]) end
return {'OK', redis.call('HINCRBY', KEYS[1], 'notHelped', tonumber(ARGV[5]))}
`);

/**
 * The assistant hands the case to a person: it joins the line with a rank and placement counted
 * from now (its wait for a person starts here), and the reason it carries. Never refused for a
 * full line: the case was accepted when it was made. Only from the assistant's hold.
 * KEYS: req. ARGV: prefix, id, reason, rank, placement field, value, ...
 * Returns {'OK', 0-based place on its first route, its routes} or {'NOT_HELD', state}.
 */
export const ASSISTANT_HANDOFF = script(`
local id = ARGV[2]
redis.call('ZREM', ASSISTANT_DUE, id)
local st = redis.call('HGET', KEYS[1], 'state')
if st ~= 'assistant' then return {'NOT_HELD', st or ''} end
redis.call('HDEL', KEYS[1], unpack(PLACEMENT_FIELDS))
if #ARGV > 4 then redis.call('HSET', KEYS[1], unpack(ARGV, 5)) end
redis.call('HSET', KEYS[1], 'state', 'queued', 'rank', ARGV[4], 'handoffReason', ARGV[3])
queueAdd(id)
redis.call('HINCRBY', P .. 'stats', 'handoff:' .. ARGV[3], 1)
return {'OK', redis.call('ZREVRANK', routeKeysOf(id)[1], id), redis.call('HGET', KEYS[1], 'routes') or ''}
`);

/**
 * The user said an article solved it: the case closes as self-served. Only from the assistant's
 * hold: once a person has it, the person closes it. KEYS: req. ARGV: prefix, id, now, retentionMs.
 * Returns {'OK'} or {'NOT_HELD', state}.
 */
export const ASSISTANT_SELF_SERVED = script(`
local id = ARGV[2]
local r = redis.call('HMGET', KEYS[1], 'state', 'userId')
if r[1] ~= 'assistant' then return {'NOT_HELD', r[1] or ''} end
redis.call('ZREM', ASSISTANT_DUE, id)
redis.call('HSET', KEYS[1], 'state', 'self_served', 'endedAt', ARGV[3], 'endedReason', 'self_served')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
clearActive(id, r[2])
redis.call('HINCRBY', P .. 'stats', 'selfServed', 1)
return {'OK'}
`);
