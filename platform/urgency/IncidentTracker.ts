import type { RedisClient } from '../redis/connect.js';

export interface Incident {
  keyword: string;
  users: number;
  since: number;
}

/**
 * Spots bursts: many distinct users reporting the same harm keyword within minutes opens an
 * incident that supervisors see. Each keyword keeps a sorted set of user → last report time.
 */
export class IncidentTracker {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly settings: { windowMs: number; minUsers: number },
  ) {}

  private burstKey(keyword: string) {
    return `${this.prefix}burst:${keyword}`;
  }

  private get incidentsKey() {
    return `${this.prefix}incidents`;
  }

  /** Records one user's report of these keywords; returns the incident it is part of, if any. */
  async observe(keywords: readonly string[], userId: string, now: number): Promise<string | undefined> {
    let joined: string | undefined;
    for (const keyword of keywords
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean)
      .slice(0, 8)) {
      const key = this.burstKey(keyword);
      const [, , , users] = ((await this.redis
        .multi()
        .zadd(key, now, userId)
        .zremrangebyscore(key, '-inf', now - this.settings.windowMs)
        .pexpire(key, this.settings.windowMs)
        .zcard(key)
        .exec()) ?? []) as [unknown, unknown, unknown, [Error | null, number]];
      const count = Number(users?.[1] ?? 0);
      if (count < this.settings.minUsers) continue;
      const existing = await this.redis.hget(this.incidentsKey, keyword);
      const since = existing ? (JSON.parse(existing) as Incident).since : now;
      await this.redis.hset(
        this.incidentsKey,
        keyword,
        JSON.stringify({ keyword, users: count, since, lastAt: now }),
      );
      joined ??= keyword;
    }
    return joined;
  }

  /** Incidents with a report inside the window, newest first; older ones close by themselves. */
  async open(now: number): Promise<Incident[]> {
    const all = Object.values(await this.redis.hgetall(this.incidentsKey)).map(
      (raw) => JSON.parse(raw) as Incident & { lastAt: number },
    );
    const stale = all.filter((i) => now - i.lastAt > this.settings.windowMs).map((i) => i.keyword);
    if (stale.length > 0) await this.redis.hdel(this.incidentsKey, ...stale);
    return all
      .filter((i) => now - i.lastAt <= this.settings.windowMs)
      .sort((a, b) => b.lastAt - a.lastAt)
      .map(({ keyword, users, since }) => ({ keyword, users, since }));
  }
}
