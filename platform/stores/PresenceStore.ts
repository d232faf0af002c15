import type { AgentStatus } from '../../core/protocol/vocabulary.js';
import type { AgentSnapshot } from '../../core/routing/types.js';
import { ScriptedStore } from './ScriptedStore.js';

export interface AgentProfile {
  languages: readonly string[];
  skills: readonly string[];
  maxSessions: number;
}

/**
 * Agent presence for routing: status, load against capacity, idle time, lease, and the routing
 * profile copied in at connect. Claims that change load happen in SessionStore's scripts.
 */
export class PresenceStore extends ScriptedStore {
  async onlineAgents(now: number): Promise<AgentSnapshot[]> {
    const ids = await this.redis.smembers(this.key('agents:online'));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    const fields = ['status', 'load', 'maxSessions', 'idleSince', 'leaseUntil', 'languages', 'skills'];
    for (const id of ids) pipeline.hmget(this.key('presence', id), ...fields);
    const rows = (await pipeline.exec()) ?? [];
    return ids.flatMap((id, i) => {
      const [status, load, max, idleSince, leaseUntil, languages, skills] = (rows[i]?.[1] ?? []) as (
        string | null
      )[];
      if (status !== 'available' || Number(leaseUntil) < now) return [];
      const profile = { languages: JSON.parse(languages ?? '[]'), skills: JSON.parse(skills ?? '[]') };
      return [{ id, ...profile, maxSessions: Number(max), load: Number(load), idleSince: Number(idleSince) }];
    });
  }

  async agentConnection(
    agentId: string,
    delta: 1 | -1,
    now: number,
    leaseUntil: number,
    profile: AgentProfile,
  ) {
    const { languages, skills, maxSessions } = profile;
    const args = [
      agentId,
      delta,
      now,
      leaseUntil,
      JSON.stringify(languages),
      JSON.stringify(skills),
      maxSessions,
    ];
    return Number(await this.run('agentConnection', this.key('presence', agentId), args));
  }

  async setStatus(agentId: string, status: AgentStatus, now: number, leaseUntil: number): Promise<string> {
    return String(
      await this.run('setStatus', this.key('presence', agentId), [agentId, status, now, leaseUntil]),
    );
  }

  async renewLeases(agentIds: readonly string[], leaseUntil: number): Promise<void> {
    if (agentIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of agentIds) pipeline.hset(this.key('presence', id), 'leaseUntil', leaseUntil);
    await pipeline.exec();
  }

  /** Takes offline every available agent whose lease ran out; returns their ids. */
  async expireLeases(now: number): Promise<string[]> {
    const ids = await this.redis.smembers(this.key('agents:online'));
    const expired: string[] = [];
    for (const id of ids)
      if ((await this.run('expireLease', this.key('presence', id), [id, now])) === 1) expired.push(id);
    return expired;
  }

  async getPresence(agentId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.key('presence', agentId));
  }

  async countOnlineAgents(): Promise<number> {
    return this.redis.scard(this.key('agents:online'));
  }
}
