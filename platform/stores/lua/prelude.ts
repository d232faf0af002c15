/**
 * The shared head of every Lua script: key names and the helpers that keep the queue, its
 * per-route indexes, agent presence and the free-agent indexes consistent. Each script runs
 * atomically in Redis, so however many API instances act at once, a request is claimed by at
 * most one agent and an agent never exceeds its capacity. ARGV[1] is always the key prefix; on
 * Redis Cluster, give the prefix a hash tag (e.g. `{lifeline}:`) so all keys share one slot.
 *
 * Routes: a waiting request sits in the global queue (the whole line) and in the index of each of
 * its routes, `queue:<language>:<skill>` (its `routes` field, a JSON list of `<language>:<skill>`;
 * without one, its language and category); a free agent sits in `free:<language>:<skill>` for
 * every language it speaks and skill it has (general always). Both use primary language subtags.
 * A routing policy widens a request by giving it more routes; a request whose queue asks for more
 * than one skill at once also carries `skillGroups`, checked per agent. A request whose queue
 * has steps still to come sits in `policy:due` until its next one.
 */
export const PRELUDE = `
local P = ARGV[1]
local QUEUE = P .. 'queue'
local DEADLINES = P .. 'offers:deadline'
local ONLINE = P .. 'agents:online'
local FREE = P .. 'agents:free'
local ABANDON = P .. 'abandon:deadline'
local INSTANCES = P .. 'instances'
local STEPS_DUE = P .. 'policy:due'
-- Callbacks whose time to answer or to retry runs out (see callbacks.ts).
local CALLBACKS = P .. 'callbacks:deadline'
-- Cases the assistant holds, by when it hands them to a person if the user says nothing more (assistant.ts).
local ASSISTANT_DUE = P .. 'assistant:due'
-- What a routing policy decides for a request; a request queued again is decided afresh.
local PLACEMENT_FIELDS = {'routes', 'skillGroups', 'policyQueue', 'routingReasons', 'priorityBoost', 'alertStep', 'stepDueAt'}
local function reqKey(id) return P .. 'req:' .. id end
local function presenceKey(id) return P .. 'presence:' .. id end
local function offerKey(id) return P .. 'offer:' .. id end
local function sessionKey(id) return P .. 'session:' .. id end
local function activeKey(userId) return P .. 'user-active:' .. userId end
local function agentOffersKey(agentId) return P .. 'agent-offers:' .. agentId end
local function agentSessionsKey(agentId) return P .. 'agent-sessions:' .. agentId end
local function socketsKey(kind, id) return P .. kind .. '-sockets:' .. id end
local function instanceSocketsKey(instanceId) return P .. 'instance-sockets:' .. instanceId end
local function routeKey(lang, category) return P .. 'queue:' .. lang .. ':' .. category end
local function freeKey(lang, category) return P .. 'free:' .. lang .. ':' .. category end

-- A case still needing someone: with the assistant, waiting, offered, or with an agent.
local function isOpen(st) return st == 'assistant' or st == 'queued' or st == 'offered' or st == 'assigned' end

local function alive(instanceId, now)
  local lease = redis.call('ZSCORE', INSTANCES, instanceId)
  return lease ~= false and lease ~= nil and tonumber(lease) >= now
end

-- Sockets are counted by id, each with the instance holding it; only live instances count, and
-- entries of dead ones are forgotten on the way.
local function liveSockets(key, now)
  local entries = redis.call('HGETALL', key)
  local live = 0
  for i = 1, #entries, 2 do
    if alive(entries[i + 1], now) then live = live + 1 else redis.call('HDEL', key, entries[i]) end
  end
  return live
end

-- A live call needs its user present; a text or voice conversation waits for them instead, and
-- so does a call whose user chose to be called back (see callbacks.ts).
local function needsUserPresent(id)
  local r = redis.call('HMGET', reqKey(id), 'channel', 'callback')
  return r[1] == 'call' and r[2] ~= 'waiting'
end

-- The request's route index keys: its routes, or (written before routes existed) its language and category.
local function routeKeysOf(id)
  local r = redis.call('HMGET', reqKey(id), 'routes', 'routeLang', 'category')
  local keys = {}
  if r[1] then
    for _, route in ipairs(cjson.decode(r[1])) do keys[#keys + 1] = P .. 'queue:' .. route end
  else
    keys[1] = routeKey(r[2] or '', r[3] or 'general')
  end
  return keys
end

local function queueAdd(id)
  local r = redis.call('HMGET', reqKey(id), 'rank', 'stepDueAt')
  redis.call('ZADD', QUEUE, r[1], id)
  for _, key in ipairs(routeKeysOf(id)) do redis.call('ZADD', key, r[1], id) end
  if r[2] then redis.call('ZADD', STEPS_DUE, r[2], id) end
end

local function queueRemove(id)
  redis.call('ZREM', QUEUE, id)
  for _, key in ipairs(routeKeysOf(id)) do redis.call('ZREM', key, id) end
  redis.call('ZREM', STEPS_DUE, id)
end

-- Whether an agent with these skills (a set) meets every one of a request's skill groups, if it has any.
local function meetsGroups(groupsJson, skills)
  if not groupsJson then return true end
  for _, group in ipairs(cjson.decode(groupsJson)) do
    local met = false
    for _, skill in ipairs(group) do if skills[skill] or skill == 'general' then met = true end end
    if not met then return false end
  end
  return true
end

local function skillSet(agentId)
  local set = {}
  for _, skill in ipairs(cjson.decode(redis.call('HGET', presenceKey(agentId), 'routeSkills') or '[]')) do set[skill] = true end
  return set
end

-- Puts an agent in the free indexes of its routes while it is available with a spare slot, and
-- takes it out otherwise. Score: when it last became idle, so the longest idle comes first.
local function refreshFree(agentId)
  local pk = presenceKey(agentId)
  local p = redis.call('HMGET', pk, 'status', 'load', 'maxSessions', 'idleSince', 'routeLangs', 'routeSkills', 'indexedIn')
  for _, key in ipairs(cjson.decode(p[7] or '[]')) do redis.call('ZREM', key, agentId) end
  local indexed = {}
  if p[1] == 'available' and tonumber(p[2] or 0) < tonumber(p[3] or 0) then
    local since = p[4] or 0
    for _, lang in ipairs(cjson.decode(p[5] or '[]')) do
      for _, category in ipairs(cjson.decode(p[6] or '[]')) do
        local key = freeKey(lang, category)
        redis.call('ZADD', key, since, agentId)
        indexed[#indexed + 1] = key
      end
    end
    redis.call('ZADD', FREE, since, agentId)
  else
    redis.call('ZREM', FREE, agentId)
  end
  redis.call('HSET', pk, 'indexedIn', cjson.encode(indexed))
end

local function releaseSlot(agentId, now, becameIdle)
  local pk = presenceKey(agentId)
  local load = redis.call('HINCRBY', pk, 'load', -1)
  if load <= 0 then
    redis.call('HSET', pk, 'load', 0)
    if becameIdle then redis.call('HSET', pk, 'idleSince', now) end
  end
  refreshFree(agentId)
end

local function goOffline(agentId)
  redis.call('HSET', presenceKey(agentId), 'status', 'offline')
  redis.call('SREM', ONLINE, agentId)
  refreshFree(agentId)
end

local function clearActive(reqId, userId)
  if userId and redis.call('GET', activeKey(userId)) == reqId then redis.call('DEL', activeKey(userId)) end
end

local function declinedRecently(declined, agentId, now, cooldown)
  local at = cjson.decode(declined or '{}')[agentId]
  return at ~= nil and now - tonumber(at) < cooldown
end

-- A reopened follow-up waits for its own agent until its reservation lapses: nobody else is offered it before.
local function reservedForOther(reservedFor, reservedUntil, agentId, now)
  if not reservedFor or reservedFor == agentId then return false end
  return now < tonumber(reservedUntil or 0)
end

-- Available, under capacity, and holding a socket on a live instance.
local function canTakeNow(agentId, now)
  local p = redis.call('HMGET', presenceKey(agentId), 'status', 'load', 'maxSessions')
  if p[1] ~= 'available' or tonumber(p[2] or 0) >= tonumber(p[3] or 0) then return false end
  return liveSockets(socketsKey('agent', agentId), now) > 0
end

-- Whether the free agents are few enough to be kept for critical requests: while no more than
-- \`reserve\` are free (and more than that are online, or nobody else could ever be served), they
-- take critical requests only, so a surge of others cannot hold every agent when one comes.
local function criticalOnly(reserve)
  if reserve <= 0 then return false end
  return redis.call('ZCARD', FREE) <= reserve and redis.call('SCARD', ONLINE) > reserve
end

-- The most urgent waiting request on the agent's routes that it has not just declined (critical
-- ones only, with onlyCritical). Reads at most \`depth\` entries of each route, so the cost grows
-- with routes, not with the queue.
local function bestRequestFor(agentId, now, cooldown, depth, onlyCritical)
  local p = redis.call('HMGET', presenceKey(agentId), 'routeLangs', 'routeSkills')
  local skills = {}
  for _, skill in ipairs(cjson.decode(p[2] or '[]')) do skills[skill] = true end
  local bestId, bestRank = nil, nil
  for _, lang in ipairs(cjson.decode(p[1] or '[]')) do
    for _, category in ipairs(cjson.decode(p[2] or '[]')) do
      local entries = redis.call('ZREVRANGE', routeKey(lang, category), 0, depth - 1, 'WITHSCORES')
      for i = 1, #entries, 2 do
        local id, rank = entries[i], tonumber(entries[i + 1])
        if bestRank and rank < bestRank then break end
        local q = redis.call('HMGET', reqKey(id), 'declined', 'reservedFor', 'reservedUntil', 'skillGroups', 'level')
        if not declinedRecently(q[1], agentId, now, cooldown) and not reservedForOther(q[2], q[3], agentId, now)
          and meetsGroups(q[4], skills) and (not onlyCritical or q[5] == 'critical') then
          if not bestRank or rank > bestRank or id < bestId then bestId, bestRank = id, rank end
          break
        end
      end
    end
  end
  return bestId
end

-- Free agents on any of the request's routes, longest idle first, at most \`depth\` from each route.
local function freeAgentsFor(reqId, depth)
  local idleSince, order = {}, {}
  for _, key in ipairs(routeKeysOf(reqId)) do
    local freeIndex = P .. 'free:' .. string.sub(key, #P + 7)
    local entries = redis.call('ZRANGE', freeIndex, 0, depth - 1, 'WITHSCORES')
    for i = 1, #entries, 2 do
      local agentId, since = entries[i], tonumber(entries[i + 1])
      if not idleSince[agentId] then order[#order + 1] = agentId end
      if not idleSince[agentId] or since < idleSince[agentId] then idleSince[agentId] = since end
    end
  end
  table.sort(order, function(a, b)
    if idleSince[a] ~= idleSince[b] then return idleSince[a] < idleSince[b] end
    return a < b
  end)
  return order
end

local function makeOffer(reqId, agentId, offerId, now, expiresAt)
  redis.call('HINCRBY', presenceKey(agentId), 'load', 1)
  refreshFree(agentId)
  queueRemove(reqId)
  redis.call('HSET', reqKey(reqId), 'state', 'offered', 'offerId', offerId, 'offerAgentId', agentId)
  redis.call('HSET', offerKey(offerId), 'requestId', reqId, 'agentId', agentId, 'expiresAt', expiresAt)
  redis.call('PEXPIREAT', offerKey(offerId), tonumber(expiresAt) + 3600000)
  redis.call('ZADD', DEADLINES, expiresAt, offerId)
  redis.call('SADD', agentOffersKey(agentId), offerId)
end
`;

export const script = (body: string) => `${PRELUDE}\n${body}`;
