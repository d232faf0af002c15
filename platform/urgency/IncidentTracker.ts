import type { RedisClient } from '../redis/connect.js';
import { LuaScript } from '../stores/LuaScript.js';

/** One keyword of one report, with how many distinct users reported it within the window. */
export interface Sighting {
  keyword: string;
  users: number;
  /** Enough users within the window to make an incident. */
  burst: boolean;
}

/**
 * One report of several keywords: each keyword's set takes the user at this time, forgets reports
 * from before the window, and answers how many distinct users it holds.
 * KEYS: one burst set per keyword. ARGV: userId, now, windowStart, windowMs.
 */
const OBSERVE = new LuaScript(`
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[2], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[3])
  redis.call('PEXPIRE', key, ARGV[4])
  counts[i] = redis.call('ZCARD', key)
end
return counts
`);

/** At most this many keywords of one report are counted. */
const MAX_KEYWORDS = 8;

/** The form a keyword is counted and recorded under. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))].slice(0, MAX_KEYWORDS);
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

  /** Counts one user's report of these keywords, all of them in one round trip. */
  async observe(keywords: readonly string[], userId: string, now: number): Promise<Sighting[]> {
    const counted = normaliseKeywords(keywords);
    if (counted.length === 0) return [];
    const { windowMs, minUsers } = this.settings;
    const keys = counted.map((keyword) => this.burstKey(keyword));
    const users = await OBSERVE.run(this.redis, keys, [userId, now, now - windowMs, windowMs]);
    return counted.map((keyword, i) => {
      const count = Number((Array.isArray(users) ? users[i] : 0) ?? 0);
      return { keyword, users: count, burst: count >= minUsers };
    });
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
