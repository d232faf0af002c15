import { describe, expect, it } from 'vitest';
import { ConfigError } from './env.js';
import { hashTag, parseSharedEnv, sharedConfig } from './shared.js';

const load = (source: Record<string, string>) => sharedConfig(parseSharedEnv(source));

describe('Redis Cluster settings', () => {
  it('uses REDIS_URL alone when no cluster seeds are given', () => {
    expect(load({ REDIS_URL: 'redis://10.0.0.5:6380/4' })).toMatchObject({
      redisUrl: 'redis://10.0.0.5:6380/4',
      redisClusterNodes: undefined,
    });
  });

  it('reads the seeds, IPv6 in brackets too, when the prefix carries a hash tag', () => {
    const config = load({
      REDIS_CLUSTER_NODES: 'redis-a:7000,10.0.0.2:7001,[::1]:7002',
      REDIS_KEY_PREFIX: '{lifeline}:',
    });
    expect(config.redisClusterNodes).toEqual([
      { host: 'redis-a', port: 7000 },
      { host: '10.0.0.2', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(config.keyPrefix).toBe('{lifeline}:');
  });

  it('refuses a cluster whose prefix has no hash tag, saying why and how to fix it', () => {
    for (const prefix of ['lifeline:', '{}lifeline:', 'lifeline{:']) {
      const attempt = () => load({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_KEY_PREFIX: prefix });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/REDIS_KEY_PREFIX: .*no hash tag.*\{lifeline\}:.*one slot/);
    }
    expect(() => load({ REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('refuses malformed seeds, naming the variable', () => {
    for (const seeds of ['127.0.0.1', '127.0.0.1:7000,', 'a:7000 b:7001', '127.0.0.1:70000'])
      expect(() => load({ REDIS_CLUSTER_NODES: seeds, REDIS_KEY_PREFIX: '{l}:' })).toThrow(
        /REDIS_CLUSTER_NODES/,
      );
  });

  it('finds the hash tag the way Redis Cluster does: first { to the first } after it, not empty', () => {
    expect(hashTag('{lifeline}:')).toBe('lifeline');
    expect(hashTag('app:{lifeline}:')).toBe('lifeline');
    expect(hashTag('{a}{b}:')).toBe('a');
    expect(hashTag('{}{b}:')).toBeUndefined();
    expect(hashTag('lifeline:')).toBeUndefined();
  });
});
