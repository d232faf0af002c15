import { script } from './prelude.js';

/**
 * Callbacks: a waiting user asks to be called back and may then leave. The request keeps its
 * place in the line (its rank is unchanged) and its abandon clock stops; the `callback` field of
 * its hash says where the callback stands: waiting (in the line), ringing (an agent took it and
 * the user is being reached), retrying (the first try went unanswered; the next is due later),
 * answered, or missed. Deadlines live in the prelude's CALLBACKS sorted set, so any instance
 * sweeps them. Each outcome is counted in the floor's shared `stats` hash, apart from abandonment.
 */
const ANSWERED = `
-- The user is here: the callback is answered, and counted so once.
local function answeredNow(key, reqId)
  redis.call('ZREM', CALLBACKS, reqId)
  redis.call('HSET', key, 'callback', 'answered')
  redis.call('HINCRBY', P .. 'stats', 'callbacksAnswered', 1)
end`;

const callbackScript = (body: string) => script(`${ANSWERED}\n${body}`);

/**
 * The user chose a callback. Only a waiting request (queued or offered) may; asking again is the
 * same choice. KEYS: req. ARGV: prefix, requestId, now
 * Returns {'OK' | 'SAME', state} or {'CLOSED', state} or {'GONE'}.
 */
export const CALLBACK_CHOOSE = callbackScript(`
local reqId, now = ARGV[2], ARGV[3]
local r = redis.call('HMGET', KEYS[1], 'state', 'callback')
if not r[1] then return {'GONE'} end
if r[1] ~= 'queued' and r[1] ~= 'offered' then return {'CLOSED', r[1]} end
if r[2] == 'waiting' then return {'SAME', r[1]} end
redis.call('HSET', KEYS[1], 'callback', 'waiting', 'callbackAt', now)
redis.call('HDEL', KEYS[1], 'callbackAttempt', 'callbackSession')
redis.call('ZREM', ABANDON, reqId)
redis.call('HINCRBY', P .. 'stats', 'callbacksRequested', 1)
return {'OK', r[1]}
`);

/**
 * The user withdrew the choice while still waiting: a live call needs them present again, so
 * with no socket its abandon clock starts. Withdrawing twice changes nothing.
 * KEYS: req. ARGV: prefix, requestId, now, abandonDeadline
 * Returns {'OK' | 'NONE', state} or {'CLOSED', state} or {'GONE'}.
 */
export const CALLBACK_CANCEL = callbackScript(`
local reqId, now = ARGV[2], tonumber(ARGV[3])
local r = redis.call('HMGET', KEYS[1], 'state', 'callback')
if not r[1] then return {'GONE'} end
if r[1] ~= 'queued' and r[1] ~= 'offered' then return {'CLOSED', r[1]} end
if r[2] ~= 'waiting' then return {'NONE', r[1]} end
redis.call('HDEL', KEYS[1], 'callback', 'callbackAt')
if needsUserPresent(reqId) and liveSockets(socketsKey('req', reqId), now) == 0 then
  redis.call('ZADD', ABANDON, ARGV[4], reqId)
end
return {'OK', r[1]}
`);

/**
 * An agent accepted a request waiting for its callback: a user who is connected has answered
 * already; otherwise the answer window opens. KEYS: req. ARGV: prefix, requestId, sessionId, now, answerDeadline
 * Returns 'ANSWERED', 'RINGING' or 'NONE' (not a callback, or not this session's).
 */
export const CALLBACK_RING = callbackScript(`
local reqId, sessionId, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local r = redis.call('HMGET', KEYS[1], 'state', 'callback', 'sessionId')
if r[1] ~= 'assigned' or r[2] ~= 'waiting' or r[3] ~= sessionId then return 'NONE' end
redis.call('HSET', KEYS[1], 'callbackSession', sessionId, 'callbackAttempt', 1)
if liveSockets(socketsKey('req', reqId), now) > 0 then
  answeredNow(KEYS[1], reqId)
  return 'ANSWERED'
end
redis.call('HSET', KEYS[1], 'callback', 'ringing')
redis.call('ZADD', CALLBACKS, ARGV[5], reqId)
return 'RINGING'
`);

/**
 * The user came back (a socket opened) while being reached or between tries: the callback is
 * answered. So it is when they come back to a case accepted but not rung yet (the ringing
 * instance is still starting the session, or died before it rang).
 * KEYS: req. ARGV: prefix, requestId. Returns 'ANSWERED' or 'NONE'.
 */
export const CALLBACK_ANSWER = callbackScript(`
local reqId = ARGV[2]
local r = redis.call('HMGET', KEYS[1], 'state', 'callback', 'sessionId', 'callbackSession')
if r[2] == 'waiting' and r[1] == 'assigned' then
  redis.call('HSET', KEYS[1], 'callbackSession', r[3], 'callbackAttempt', 1)
  answeredNow(KEYS[1], reqId)
  return 'ANSWERED'
end
if r[2] ~= 'ringing' and r[2] ~= 'retrying' then return 'NONE' end
redis.call('ZREM', CALLBACKS, reqId)
if r[1] ~= 'assigned' or r[3] ~= r[4] then return 'NONE' end
answeredNow(KEYS[1], reqId)
return 'ANSWERED'
`);

/**
 * A callback deadline fell due. A case accepted but never rung (its instance died) is rung now.
 * A user connected by now has answered. Otherwise the first
 * unanswered window schedules the one retry, the retry's time reaches the user again, and a
 * second unanswered window turns the case into a text conversation, kept by its agent.
 * KEYS: req. ARGV: prefix, requestId, now, answerMs, retryMs
 * Returns {'NOT_DUE'}, {'NONE'}, {'ANSWERED'} or {'RETRYING' | 'RING' | 'MISSED', sessionId, agentId}.
 */
export const CALLBACK_DUE = callbackScript(`
local reqId, now = ARGV[2], tonumber(ARGV[3])
local due = redis.call('ZSCORE', CALLBACKS, reqId)
if not due then return {'NONE'} end
if tonumber(due) > now then return {'NOT_DUE'} end
local r = redis.call('HMGET', KEYS[1], 'state', 'callback', 'sessionId', 'callbackSession', 'callbackAttempt', 'agentId')
if r[1] == 'assigned' and r[2] == 'waiting' and r[3] then
  -- Accepted, but the accepting instance never rang the user (it died): ring them now, unless
  -- they are here already.
  redis.call('HSET', KEYS[1], 'callbackSession', r[3], 'callbackAttempt', 1)
  if liveSockets(socketsKey('req', reqId), now) > 0 then
    answeredNow(KEYS[1], reqId)
    return {'ANSWERED'}
  end
  redis.call('HSET', KEYS[1], 'callback', 'ringing')
  redis.call('ZADD', CALLBACKS, now + tonumber(ARGV[4]), reqId)
  return {'RING', r[3], r[6]}
end
local pending = r[2] == 'ringing' or r[2] == 'retrying'
if r[1] ~= 'assigned' or r[3] ~= r[4] or not pending then
  redis.call('ZREM', CALLBACKS, reqId)
  return {'NONE'}
end
if liveSockets(socketsKey('req', reqId), now) > 0 then
  answeredNow(KEYS[1], reqId)
  return {'ANSWERED'}
end
if r[2] == 'retrying' then
  redis.call('HSET', KEYS[1], 'callback', 'ringing', 'callbackAttempt', 2)
  redis.call('ZADD', CALLBACKS, now + tonumber(ARGV[4]), reqId)
  return {'RING', r[3], r[6]}
end
if tonumber(r[5] or 1) < 2 then
  redis.call('HSET', KEYS[1], 'callback', 'retrying')
  redis.call('ZADD', CALLBACKS, now + tonumber(ARGV[5]), reqId)
  redis.call('HINCRBY', P .. 'stats', 'callbacksRetried', 1)
  return {'RETRYING', r[3], r[6]}
end
redis.call('ZREM', CALLBACKS, reqId)
redis.call('HSET', KEYS[1], 'callback', 'missed', 'channel', 'text')
redis.call('HDEL', KEYS[1], 'media')
redis.call('HINCRBY', P .. 'stats', 'callbacksMissed', 1)
return {'MISSED', r[3], r[6]}
`);
