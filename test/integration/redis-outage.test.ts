import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest } from '../support/clients.js';
import { startInstance, testConfig, type Instance } from '../support/cluster.js';
import { freePort } from '../../scripts/lib/ports.js';
import { PrivateRedis } from '../support/private-redis.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Redis outages', () => {
  it('API fails fast with 503 while Redis is down, and resumes pairing when it is back', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    cleanups.push(() => redis.kill());
    const config = testConfig({ REDIS_URL: redis.url });
    const instance: Instance = await startInstance(config, { redisConnectTimeoutMs: 500 });
    cleanups.push(() => instance.app.close());
    const before = await createHelpRequest(instance, config);

    await redis.kill();
    const started = performance.now();
    const refused = await api(instance, 'POST', '/v1/help-requests', {
      body: { channel: 'call', language: 'en' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'LIFELINE_REDIS_UNAVAILABLE' } } });
    expect(await api(instance, 'GET', '/readyz')).toMatchObject({
      status: 503,
      body: { redis: 'down', livekit: 'up' },
    });
    expect((await api(instance, 'GET', '/healthz')).status).toBe(200);

    await redis.start();
    await until(async () => (await api(instance, 'GET', '/readyz')).status === 200, 10_000);
    // Scripts and data went with the old process; the subscriber has resubscribed by itself, and the
    // case from before the outage is back in the queue from the database, ahead of a new one.
    const agent = await createAgent(instance, config);
    const socket = await agentOnline(instance, agent);
    const request = await createHelpRequest(instance, config);
    expect((await socket.next('offer')).request.id).toBe(before.id);
    expect(
      (await api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).body
        .state,
    ).toBe('queued');
    socket.close();
  }, 30_000);

  it('worker waits Redis out: it starts while Redis is down, connects when it appears, and stops on SIGTERM', async () => {
    const redis = new PrivateRedis(await freePort());
    const worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      env: { ...process.env, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => worker.kill('SIGKILL'));
    const lines: string[] = [];
    createInterface({ input: worker.stdout! }).on('line', (line) => lines.push(line));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(worker.exitCode).toBeNull();
    expect(lines.some((line) => line.includes('worker connected'))).toBe(false);

    await redis.start();
    cleanups.push(() => redis.kill());
    await until(async () => lines.some((line) => line.includes('worker connected')), 15_000);
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
