import { script } from './prelude.js';

/**
 * A user's socket opened on an instance: counted by its id, so a socket counted twice or a
 * count missed during an outage cannot happen. Stops the abandon clock.
 * KEYS: req. ARGV: prefix, requestId, socketId, instanceId, now
 * Returns the live sockets of the request, -1 if there is no such request, or -2 if the instance's
 * own lease is gone (Redis lost it): the instance must renew it and register again.
 */
export const USER_SOCKET_OPEN = script(`
local reqId, socketId, instanceId = ARGV[2], ARGV[3], ARGV[4]
if not alive(instanceId, tonumber(ARGV[5])) then return -2 end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', socketsKey('req', reqId), socketId, instanceId)
redis.call('SADD', instanceSocketsKey(instanceId), 'req|' .. reqId .. '|' .. socketId)
redis.call('ZREM', ABANDON, reqId)
return liveSockets(socketsKey('req', reqId), tonumber(ARGV[5]))
`);

/**
 * A user's socket closed; when no live socket is left, a waiting request's abandon clock starts.
 * KEYS: req. ARGV: prefix, requestId, socketId, instanceId, now, abandonDeadline
 */
export const USER_SOCKET_CLOSE = script(`
local reqId, socketId, instanceId, now = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
redis.call('HDEL', socketsKey('req', reqId), socketId)
redis.call('SREM', instanceSocketsKey(instanceId), 'req|' .. reqId .. '|' .. socketId)
local st = redis.call('HGET', KEYS[1], 'state')
if not st then return -1 end
local live = liveSockets(socketsKey('req', reqId), now)
if live == 0 and (st == 'queued' or st == 'offered') and needsUserPresent(reqId) then
  redis.call('ZADD', ABANDON, ARGV[6], reqId)
end
return live
`);

/**
 * An agent's socket opened: its routing profile is kept beside its presence, and a first socket
 * brings it online as away; -2 as for users when the instance's lease is gone. KEYS: presence.
 * ARGV: prefix, agentId, socketId, instanceId, now, languages, skills, maxSessions, routeLangs, routeSkills
 */
export const AGENT_SOCKET_OPEN = script(`
local agentId, socketId, instanceId, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if not alive(instanceId, tonumber(now)) then return -2 end
redis.call('HSET', socketsKey('agent', agentId), socketId, instanceId)
redis.call('SADD', instanceSocketsKey(instanceId), 'agent|' .. agentId .. '|' .. socketId)
redis.call('HSET', KEYS[1], 'languages', ARGV[6], 'skills', ARGV[7], 'maxSessions', ARGV[8], 'routeLangs', ARGV[9], 'routeSkills', ARGV[10])
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'offline' then
  redis.call('HSET', KEYS[1], 'status', 'away')
  redis.call('HSETNX', KEYS[1], 'load', 0)
  redis.call('HSETNX', KEYS[1], 'idleSince', now)
end
refreshFree(agentId)
return liveSockets(socketsKey('agent', agentId), tonumber(now))
`);

/** An agent's socket closed; with no live socket left it goes offline. KEYS: presence. ARGV: prefix, agentId, socketId, instanceId, now */
export const AGENT_SOCKET_CLOSE = script(`
local agentId, socketId, instanceId, now = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
redis.call('HDEL', socketsKey('agent', agentId), socketId)
redis.call('SREM', instanceSocketsKey(instanceId), 'agent|' .. agentId .. '|' .. socketId)
local live = liveSockets(socketsKey('agent', agentId), now)
if live == 0 and redis.call('HGET', KEYS[1], 'status') ~= 'offline' then goOffline(agentId) end
return live
`);

/** KEYS: presence. ARGV: prefix, agentId, status, now. Returns the previous status. */
export const SET_STATUS = script(`
local agentId, status, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
if liveSockets(socketsKey('agent', agentId), now) == 0 then return 'offline' end
local previous = redis.call('HGET', KEYS[1], 'status')
redis.call('HSET', KEYS[1], 'status', status)
if status == 'available' then
  redis.call('SADD', ONLINE, agentId)
  if previous ~= 'available' and tonumber(redis.call('HGET', KEYS[1], 'load') or 0) == 0 then
    redis.call('HSET', KEYS[1], 'idleSince', now)
  end
else
  redis.call('SREM', ONLINE, agentId)
end
refreshFree(agentId)
return previous or 'offline'
`);

/**
 * Forgets up to \`batch\` sockets of an instance whose lease lapsed (it died or lost Redis for
 * longer than its lease). Their users' abandon clocks start; their agents go offline.
 * KEYS: instance-sockets. ARGV: prefix, instanceId, now, abandonDeadline, batch
 * Returns {'ALIVE'} | {'MORE' | 'DONE', agentIdsThatWentOffline...}.
 */
export const REAP_INSTANCE = script(`
local instanceId, now, deadline = ARGV[2], tonumber(ARGV[3]), ARGV[4]
if alive(instanceId, now) then return {'ALIVE'} end
local offline = {}
for _, entry in ipairs(redis.call('SPOP', KEYS[1], tonumber(ARGV[5]))) do
  local kind, id, socketId = string.match(entry, '^(%a+)|(.+)|([^|]+)$')
  if kind then redis.call('HDEL', socketsKey(kind, id), socketId) end
  if kind == 'req' then
    local st = redis.call('HGET', reqKey(id), 'state')
    if (st == 'queued' or st == 'offered') and needsUserPresent(id) and liveSockets(socketsKey('req', id), now) == 0 then
      redis.call('ZADD', ABANDON, 'NX', deadline, id)
    end
  elseif kind == 'agent' and liveSockets(socketsKey('agent', id), now) == 0 then
    if redis.call('HGET', presenceKey(id), 'status') ~= 'offline' then
      goOffline(id)
      offline[#offline + 1] = id
    end
  end
end
if redis.call('SCARD', KEYS[1]) > 0 then return {'MORE', unpack(offline)} end
redis.call('ZREM', INSTANCES, instanceId)
return {'DONE', unpack(offline)}
`);

/**
 * How many agents online can serve each of these routes: a route is a request's route index
 * keys, \`<language>:<skill>\` joined by commas, and an agent serves it if it is indexed under any
 * of them (every agent serves general). One pass over the agents online, so a caller asks once
 * for all its routes. KEYS: agents:online. ARGV: prefix, route, ... One count per route, in order.
 */
export const ELIGIBLE_ONLINE = script(`
local counts = {}
for i = 2, #ARGV do counts[#counts + 1] = 0 end
for _, agentId in ipairs(redis.call('SMEMBERS', ONLINE)) do
  local p = redis.call('HMGET', presenceKey(agentId), 'routeLangs', 'routeSkills')
  local serves = {}
  for _, lang in ipairs(cjson.decode(p[1] or '[]')) do
    for _, category in ipairs(cjson.decode(p[2] or '[]')) do serves[lang .. ':' .. category] = true end
  end
  for i = 2, #ARGV do
    for key in string.gmatch(ARGV[i], '[^,]+') do
      if serves[key] then
        counts[i - 1] = counts[i - 1] + 1
        break
      end
    end
  end
end
return counts
`);
