import type { RedisClient } from '../redis/connect.js';

/** One keyword of one report, with how many distinct users reported it within the window. */
export interface Sighting {
  keyword: string;
  users: number;
  /** Enough users within the window to make an incident. */
  burst: boolean;
}

/** At most this many keywords of one report are counted. */
const MAX_KEYWORDS = 8;

/** The form a keyword is counted and recorded under. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return keywords
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean)
    .slice(0, MAX_KEYWORDS);
}

/**
 * The hot burst detector: each keyword keeps a sorted set of user → latest report time within
 * the window, so counting distinct reporters is one round trip. It keeps nothing that matters
 * after a restart; incidents themselves are recorded in PostgreSQL (see Incidents).
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

  /** Counts one user's report of these keywords. */
  async observe(keywords: readonly string[], userId: string, now: number): Promise<Sighting[]> {
    const sightings: Sighting[] = [];
    for (const keyword of normaliseKeywords(keywords)) {
      const key = this.burstKey(keyword);
      const [, , , users] = ((await this.redis
        .multi()
        .zadd(key, now, userId)
        .zremrangebyscore(key, '-inf', now - this.settings.windowMs)
        .pexpire(key, this.settings.windowMs)
        .zcard(key)
        .exec()) ?? []) as [unknown, unknown, unknown, [Error | null, number]];
      const count = Number(users?.[1] ?? 0);
      sightings.push({ keyword, users: count, burst: count >= this.settings.minUsers });
    }
    return sightings;
  }

  /** Who reported the keyword within the window, and when: the reports an incident opened on. */
  async reporters(keyword: string, now: number): Promise<{ userId: string; at: number }[]> {
    const flat = await this.redis.zrangebyscore(
      this.burstKey(keyword),
      now - this.settings.windowMs,
      '+inf',
      'WITHSCORES',
    );
    const reports: { userId: string; at: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) reports.push({ userId: flat[i]!, at: Number(flat[i + 1]) });
    return reports;
  }
}
