import { script } from './prelude.js';

/**
 * A routing policy's new decision for a request: its routes, skill groups, queue, reasons,
 * priority boost (in the rank) and when to decide again. Only the decision made from the
 * `stepDueAt` it read is applied, so when several instances sweep the same due request, one
 * wins and the others find it moved. A request no longer open leaves the due set.
 * KEYS: req. ARGV: prefix, requestId, expectedDue, rank, field, value, ...
 * Returns the request's state ('queued', 'offered', 'assigned'), 'MOVED' or 'GONE'.
 */
export const PLACE = script(`
local id, expected, rank = ARGV[2], ARGV[3], ARGV[4]
local r = redis.call('HMGET', KEYS[1], 'state', 'stepDueAt')
if r[1] ~= 'queued' and r[1] ~= 'offered' and r[1] ~= 'assigned' then
  redis.call('ZREM', STEPS_DUE, id)
  return 'GONE'
end
if (r[2] or '') ~= expected then return 'MOVED' end
if r[1] == 'queued' then queueRemove(id) end
redis.call('HDEL', KEYS[1], unpack(PLACEMENT_FIELDS))
redis.call('HSET', KEYS[1], 'rank', rank, unpack(ARGV, 5))
if r[1] == 'queued' then queueAdd(id) end
return r[1]
`);

/**
 * Waiting requests whose queue must decide again by \`now\`, with what the decision reads, in one
 * round trip; one no longer waiting leaves the due set (it rejoins it if it is queued again). KEYS: policy:due. ARGV: prefix, now, limit. Returns per request: id, stepDueAt, tier,
 * category, language, channel, createdAt, score, routingReasons, alertStep.
 */
export const DUE_PLACEMENTS = script(`
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))) do
  local r = redis.call('HMGET', reqKey(id), 'state', 'stepDueAt', 'tier', 'category', 'language', 'channel', 'createdAt', 'score', 'routingReasons', 'alertStep')
  if r[1] ~= 'queued' then
    redis.call('ZREM', KEYS[1], id)
  else
    out[#out + 1] = id
    for i = 2, 10 do out[#out + 1] = r[i] or '' end
  end
end
return out
`);
