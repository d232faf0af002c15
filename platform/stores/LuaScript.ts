import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';

type Reply = string | number | null | Reply[];

/** Runs a script by its SHA and loads it on first use or after a Redis restart (NOSCRIPT). */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<Reply> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as Reply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as Reply;
    }
  }
}

export function asStrings(reply: Reply): string[] {
  return Array.isArray(reply) ? reply.map((part) => String(part)) : [String(reply)];
}
