import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Cluster as RedisCluster, type Redis } from 'ioredis';
import { inject } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, testSchemaName } from './database.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config/load.js';
import { connectRedis, type RedisClient } from '../../platform/redis/connect.js';

export interface Instance {
  app: FastifyInstance;
  url: string;
  wsUrl: string;
}

export interface Cluster {
  config: Config;
  /** The environment the cluster was configured from, for worker processes that must match it. */
  env: Record<string, string>;
  instances: Instance[];
  /** A connection of the same kind the instances use: one Redis server or a Redis Cluster. */
  redis: RedisClient;
  close(): Promise<void>;
}

/** Settings every test file starts from: a unique key prefix and fast timers. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const livekit = inject('livekit');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `lifeline-test:${randomBytes(6).toString('hex')}:`,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: testSchemaName(),
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    LIFELINE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
    LIFELINE_SECRET: randomBytes(32).toString('hex'),
    LIFELINE_PLATFORM_SECRET: randomBytes(24).toString('hex'),
    SWEEP_INTERVAL_MS: '100',
    QUEUE_UPDATE_INTERVAL_MS: '20',
    RATE_LIMIT_CREATE_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    // Suites keep offers apart by giving each test its own language, whatever its text says;
    // test/integration/language-routing.test.ts turns reading the text's language on.
    LANGUAGE_FROM_TEXT: 'false',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(overrides));
}

export async function startInstance(
  config: Config,
  options: Partial<AppOptions> = {},
  port = 0,
): Promise<Instance> {
  const app = await buildApp({ config, ...options });
  await app.listen({ host: '127.0.0.1', port });
  const { port: bound } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${bound}`, wsUrl: `ws://127.0.0.1:${bound}/v1/ws` };
}

async function deleteFromNode(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    // On a cluster the prefix's hash tag keeps these in one slot, so one DEL may take them all.
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/**
 * Deletes every key under a prefix, as a Redis that lost its data would look. SCAN sees one
 * server's keys, so on a cluster every master is scanned.
 */
export async function deletePrefix(redis: RedisClient, prefix: string): Promise<void> {
  const nodes = redis instanceof RedisCluster ? redis.nodes('master') : [redis];
  for (const node of nodes) await deleteFromNode(node, prefix);
}

/**
 * Several API instances sharing one Redis prefix, as separate processes would in production. The
 * overrides may point them at a Redis Cluster (see redis-cluster.ts).
 */
export async function startCluster(size: number, overrides: Record<string, string> = {}): Promise<Cluster> {
  const env = testEnv(overrides);
  const config = loadConfig(env);
  const instances: Instance[] = [];
  for (let i = 0; i < size; i += 1) instances.push(await startInstance(config));
  const redis = connectRedis(config, 'wait-it-out');
  return {
    config,
    env,
    instances,
    redis,
    async close() {
      await Promise.all(instances.map((instance) => instance.app.close()));
      await deletePrefix(redis, config.keyPrefix);
      redis.disconnect();
      await dropSchema(config.database.databaseSchema);
    },
  };
}
