import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { startLiveKitDevServer } from '../../scripts/lib/livekit-dev-server.js';
import { freePort } from '../../scripts/lib/ports.js';
import { assertPostgres, dropTestSchemas } from './database.js';

export interface TestLiveKit {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** LiveKit posts webhooks here; the one test that listens on it owns this port. */
  webhookPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: TestLiveKit;
  }
}

async function assertRedis(): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Integration tests need Redis on 127.0.0.1:6379 (run: npm run setup): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

/** One real LiveKit server for the whole run, on free loopback ports; Redis must already answer. */
export default async function setup(project: TestProject) {
  await assertRedis();
  await assertPostgres();
  await dropTestSchemas();
  mkdirSync('test-artifacts', { recursive: true });
  const port = await freePort();
  const webhookPort = await freePort();
  const apiKey = 'lifeline-test';
  const apiSecret = 'lifeline-test-secret-with-enough-length';
  const udpPortStart = 40000 + (process.pid % 200) * 50;
  const livekit = await startLiveKitDevServer({
    port,
    rtcTcpPort: await freePort(),
    udpPortStart,
    udpPortEnd: udpPortStart + 49,
    apiKey,
    apiSecret,
    webhookUrl: `http://127.0.0.1:${webhookPort}/v1/livekit/webhook`,
    output: 'test-artifacts/livekit.log',
  });
  project.provide('livekit', { url: livekit.url, apiKey, apiSecret, webhookPort });
  return async () => {
    await livekit.stop();
    await dropTestSchemas();
  };
}
