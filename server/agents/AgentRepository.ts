import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../platform/redis/connect.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { DECOY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';

import type { AgentRole } from '../../core/protocol/vocabulary.js';

export interface Agent {
  id: string;
  /** Supervisors also see the whole floor and may listen in silently. */
  role: AgentRole;
  email: string;
  name: string;
  languages: string[];
  skills: string[];
  maxSessions: number;
  createdAt: number;
}

export interface NewAgent {
  role: AgentRole;
  email: string;
  name: string;
  password: string;
  languages: string[];
  skills: string[];
  maxSessions: number;
}

/** Agent accounts. Owns `agent:*` and `agent-email:*`; presence and load belong to routing. */
export class AgentRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private emailKey(email: string) {
    return `${this.prefix}agent-email:${email.trim().toLowerCase()}`;
  }

  private agentKey(id: string) {
    return `${this.prefix}agent:${id}`;
  }

  async create(input: NewAgent, now: number): Promise<Agent> {
    const id = randomUUID();
    const passwordHash = await hashPassword(input.password);
    // The email claim is the atomic step: two concurrent creates of one email cannot both win.
    const claimed = await this.redis.set(this.emailKey(input.email), id, 'NX');
    if (claimed !== 'OK') throw new LifelineError('LIFELINE_AGENT_EXISTS');
    const agent: Agent = {
      id,
      role: input.role,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      languages: input.languages,
      skills: input.skills,
      maxSessions: input.maxSessions,
      createdAt: now,
    };
    await this.redis.sadd(`${this.prefix}agents:all`, id);
    await this.redis.hset(this.agentKey(id), {
      ...agent,
      languages: JSON.stringify(agent.languages),
      skills: JSON.stringify(agent.skills),
      passwordHash,
    });
    return agent;
  }

  async findById(id: string): Promise<Agent | null> {
    const hash = await this.redis.hgetall(this.agentKey(id));
    if (!hash.id) return null;
    return {
      id: hash.id,
      role: hash.role === 'supervisor' ? 'supervisor' : 'agent',
      email: hash.email ?? '',
      name: hash.name ?? '',
      languages: JSON.parse(hash.languages ?? '[]'),
      skills: JSON.parse(hash.skills ?? '[]'),
      maxSessions: Number(hash.maxSessions ?? 1),
      createdAt: Number(hash.createdAt ?? 0),
    };
  }

  /** Whether the account still exists: one EXISTS, cheap enough to ask on every authenticated call. */
  async exists(id: string): Promise<boolean> {
    return (await this.redis.exists(this.agentKey(id))) === 1;
  }

  /** Deletes the account; tokens already handed out stop working at their next use. */
  async remove(id: string): Promise<void> {
    const email = await this.redis.hget(this.agentKey(id), 'email');
    const keys = [this.agentKey(id), ...(email ? [this.emailKey(email)] : [])];
    await this.redis
      .multi()
      .del(...keys)
      .srem(`${this.prefix}agents:all`, id)
      .exec();
  }

  /** Names by id of the agents that still exist among these; a deleted one is left out. */
  async namesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.findById(id)));
    return new Map(found.filter((a): a is Agent => a !== null).map((a) => [a.id, a.name]));
  }

  async list(): Promise<Agent[]> {
    const ids = await this.redis.smembers(`${this.prefix}agents:all`);
    return (await Promise.all(ids.map((id) => this.findById(id)))).filter((a): a is Agent => a !== null);
  }

  /** The agent if the password matches; null otherwise, in about the same time either way. */
  async authenticate(email: string, password: string): Promise<Agent | null> {
    const id = await this.redis.get(this.emailKey(email));
    const stored = id ? await this.redis.hget(this.agentKey(id), 'passwordHash') : null;
    const matches = await verifyPassword(password, stored ?? DECOY_HASH);
    return matches && id ? this.findById(id) : null;
  }
}
