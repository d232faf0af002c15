import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../server/config/load.js';
import { startApiProcess, type ApiProcess } from '../../test/support/apiProcess.js';
import { dropSchema, TEST_DATABASE_URL, testSchemaName } from '../../test/support/database.js';
import { startLiveKitDevServer } from '../lib/livekit-dev-server.js';
import { freePort } from '../lib/ports.js';

const LIVEKIT_KEY = 'benchkey';
const LIVEKIT_SECRET = 'bench-secret-long-enough-for-livekit';

/** Where a bench's state lives: its own Redis key prefix and its own schema in lifeline_test. */
export function benchEnv(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `lifeline-bench-${name}:${randomBytes(4).toString('hex')}:`,
    DATABASE_URL: TEST_DATABASE_URL,
    // Named as the tests name theirs, so a killed run's schema is dropped by the next test run.
    DATABASE_SCHEMA: testSchemaName(),
    LIFELINE_SECRET: randomBytes(32).toString('hex'),
    LIFELINE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
    LIFELINE_PLATFORM_SECRET: randomBytes(24).toString('hex'),
    ...overrides,
  };
}

/** Removes every key under the prefix, a batch at a time. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

export interface BenchStack {
  /** The configuration every instance runs with: secrets, prefix, schema. */
  config: Config;
  instances: ApiProcess[];
  /** Kills the processes and LiveKit, then drops the schema and the keys. */
  close(): Promise<void>;
}

/**
 * `count` real API processes (server/server.ts) sharing one Redis prefix and one PostgreSQL
 * schema, with a loopback LiveKit so /readyz answers: what production runs, on this machine.
 */
export async function startBenchStack(
  count: number,
  env: Record<string, string>,
  onProgress: (line: string) => void,
): Promise<BenchStack> {
  const livekit = await startLiveKitDevServer({
    port: await freePort(),
    rtcTcpPort: await freePort(),
    udpPortStart: 52100,
    udpPortEnd: 52150,
    apiKey: LIVEKIT_KEY,
    apiSecret: LIVEKIT_SECRET,
    output: '/dev/null',
  });
  const full = {
    ...env,
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: LIVEKIT_KEY,
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
  };
  const config = loadConfig(full);
  const instances: ApiProcess[] = [];
  const close = async () => {
    await Promise.all(instances.map((instance) => instance.crash()));
    await livekit.stop();
    const redis = new Redis(config.redisUrl);
    try {
      await deletePrefix(redis, config.keyPrefix);
    } finally {
      redis.disconnect();
    }
    await dropSchema(config.database.databaseSchema);
  };
  try {
    // One at a time: the first migrates the fresh schema, the others find it done.
    for (let i = 0; i < count; i += 1) instances.push(await startApiProcess(full, 60_000));
  } catch (error) {
    await close();
    throw error;
  }
  onProgress(`${count} API process(es) up on schema ${config.database.databaseSchema}`);
  return { config, instances, close };
}
