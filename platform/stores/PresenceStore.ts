import type { AgentStatus } from '../../core/protocol/vocabulary.js';
import { GENERAL_CATEGORY } from '../../core/protocol/vocabulary.js';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import { asStrings } from './LuaScript.js';
import { ScriptedStore } from './ScriptedStore.js';
import type { Route } from './QueueStore.js';

/** What a socket-open script answers when the instance's own lease is missing from Redis. */
export const LEASE_GONE = -2;

/** What routing copies from an agent's account when it connects. */
export interface RoutingProfile {
  languages: readonly string[];
  skills: readonly string[];
  maxSessions: number;
}

/** One socket on one API instance: sockets are counted by id, and only while their instance lives. */
export interface SocketRef {
  socketId: string;
  instanceId: string;
}

/** The routes an agent serves: primary language subtags × its skills and the general category. */
function routes(profile: RoutingProfile): { langs: string[]; skills: string[] } {
  const langs = [...new Set(profile.languages.map(primaryLanguage).filter(Boolean))];
  const skills = [...new Set([...profile.skills, GENERAL_CATEGORY])];
  return { langs, skills };
}

/**
 * Who is connected, from where, and who can take work: sockets of users and agents with the
 * instance holding each, agent status and load, the free-agent indexes, and instance leases.
 * Claims that change load happen in SessionStore's scripts.
 */
export class PresenceStore extends ScriptedStore {
  async userSocketOpen(requestId: string, socket: SocketRef, now: number): Promise<number> {
    const args = [requestId, socket.socketId, socket.instanceId, now];
    return Number(await this.run('userSocketOpen', this.key('req', requestId), args));
  }

  /** Returns the request's live sockets left (-1: no such request); at 0 its abandon clock starts. */
  /** Whether any of the request's sockets is held by a live instance. */
  async userPresent(requestId: string, now: number): Promise<boolean> {
    const sockets = await this.redis.hgetall(this.key('req-sockets', requestId));
    const instances = [...new Set(Object.values(sockets))];
    if (instances.length === 0) return false;
    const leases = await this.redis.zmscore(this.key('instances'), ...instances);
    return leases.some((lease) => lease !== null && Number(lease) >= now);
  }

  async userSocketClose(
    requestId: string,
    socket: SocketRef,
    now: number,
    abandonAt: number,
  ): Promise<number> {
    const args = [requestId, socket.socketId, socket.instanceId, now, abandonAt];
    return Number(await this.run('userSocketClose', this.key('req', requestId), args));
  }

  async agentSocketOpen(agentId: string, socket: SocketRef, now: number, profile: RoutingProfile) {
    const { langs, skills } = routes(profile);
    const args = [
      agentId,
      socket.socketId,
      socket.instanceId,
      now,
      JSON.stringify(profile.languages),
      JSON.stringify(profile.skills),
      profile.maxSessions,
      JSON.stringify(langs),
      JSON.stringify(skills),
    ];
    return Number(await this.run('agentSocketOpen', this.key('presence', agentId), args));
  }

  /** Returns the agent's live sockets left; at 0 it has gone offline. */
  async agentSocketClose(agentId: string, socket: SocketRef, now: number): Promise<number> {
    const args = [agentId, socket.socketId, socket.instanceId, now];
    return Number(await this.run('agentSocketClose', this.key('presence', agentId), args));
  }

  /** Returns the previous status ('offline' when the agent holds no live socket). */
  async setStatus(agentId: string, status: AgentStatus, now: number): Promise<string> {
    return String(await this.run('setStatus', this.key('presence', agentId), [agentId, status, now]));
  }

  /** Renews an instance's lease; true when the instance was not known (first beat, or it was reaped). */
  async heartbeat(instanceId: string, leaseUntil: number): Promise<boolean> {
    return (await this.redis.zadd(this.key('instances'), leaseUntil, instanceId)) === 1;
  }

  deadInstances(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('instances'), '-inf', now - 1, 'LIMIT', 0, limit);
  }

  /** Forgets a dead instance's sockets in batches; returns whether it is done and who went offline. */
  async reapInstance(instanceId: string, now: number, abandonAt: number, batch: number) {
    const key = this.key('instance-sockets', instanceId);
    const [status, ...offline] = asStrings(
      await this.run('reapInstance', key, [instanceId, now, abandonAt, batch]),
    );
    return { status: status ?? 'DONE', offline };
  }

  /** An instance leaving cleanly takes its lease with it once its sockets are closed. */
  async forgetInstance(instanceId: string): Promise<void> {
    await this.redis.zrem(this.key('instances'), instanceId);
  }

  /** Agents with a spare slot, longest idle first. */
  freeAgents(limit: number): Promise<string[]> {
    return this.redis.zrange(this.key('agents:free'), 0, limit - 1);
  }

  async getPresence(agentId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.key('presence', agentId));
  }

  async countOnlineAgents(): Promise<number> {
    return this.redis.scard(this.key('agents:online'));
  }

  /** Per route (its index keys), how many agents online can serve it, in one round trip for all of them. */
  async eligibleOnline(routes: readonly Route[]): Promise<number[]> {
    if (routes.length === 0) return [];
    const args = routes.map((route) => route.keys.join(','));
    const counts = asStrings(await this.run('eligibleOnline', this.key('agents:online'), args));
    return counts.map(Number);
  }
}
