import { ScriptedStore } from './ScriptedStore.js';
import { decodeRequest, type RequestRecord } from './records.js';

/** A user's earlier requests, for repeat-contact scoring and the agent's view, and their ratings. */
export class HistoryStore extends ScriptedStore {
  private async request(id: string): Promise<RequestRecord | null> {
    return decodeRequest(await this.redis.hgetall(this.key('req', id)));
  }

  /** Forgets which requests were a user's (erasure). */
  async forgetUser(userId: string): Promise<void> {
    await this.redis.del(this.key('user-requests', userId), this.key('user-active', userId));
  }

  /** A user's earlier requests, newest first, with how each ended and the agent's outcome code. */
  async userHistory(userId: string, excludeId: string, limit: number) {
    const ids = (await this.redis.zrevrange(this.key('user-requests', userId), 0, limit)).filter(
      (id) => id !== excludeId,
    );
    const records = (await Promise.all(ids.map((id) => this.request(id)))).filter(
      (r): r is RequestRecord => r !== null,
    );
    return Promise.all(
      records.slice(0, limit).map(async (r) => ({
        id: r.id,
        createdAt: r.createdAt,
        channel: r.channel,
        category: r.category,
        level: r.level,
        state: r.state,
        outcome: r.sessionId
          ? ((await this.redis.hget(this.key('session', r.sessionId), 'outcome')) ?? undefined) || undefined
          : undefined,
      })),
    );
  }

  /** A user's requests since a moment, newest first, with their categories (for repeat contacts). */
  async userRequestsSince(userId: string, since: number): Promise<{ id: string; category: string }[]> {
    const ids = await this.redis.zrevrangebyscore(this.key('user-requests', userId), '+inf', since);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.key('req', id), 'category');
    const rows = (await pipeline.exec()) ?? [];
    return ids.flatMap((id, i) => (rows[i]?.[1] ? [{ id, category: String(rows[i]![1]) }] : []));
  }

  async recordRating(requestId: string, stars: number): Promise<boolean> {
    const key = this.key('req', requestId);
    if (!(await this.redis.exists(key))) return false;
    await this.redis.hset(key, 'rating', stars);
    return true;
  }
}
