import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports.js';
import { within } from '../support/apiProcess.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { startInstance, testConfig } from '../support/cluster.js';
import { PrivateRedis } from '../support/private-redis.js';

const GRACE_MS = 800;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A socket opened while Redis is away must be told to come back: 4503, or a refused upgrade. */
async function refusedWhileDown(url: string, token: string): Promise<string> {
  try {
    const socket = await WsClient.connect(url, token);
    const { code } = await socket.closed;
    return `close ${code}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Redis stopped and started while sockets open and close', () => {
  it('cleans up what failed during the outage, refuses unregistered sockets, and re-sends state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-redis-'));
    const redis = new PrivateRedis(await freePort(), dir);
    await redis.start();
    cleanups.push(
      () => rm(dir, { recursive: true, force: true }),
      () => redis.kill(),
    );
    const config = testConfig({ REDIS_URL: redis.url, ABANDON_GRACE_MS: String(GRACE_MS) });
    const instance = await startInstance(config, { redisConnectTimeoutMs: 500 });
    cleanups.push(() => instance.app.close());

    const agent = await createAgent(instance, config, { languages: ['pt'] });
    const agentSocket = await agentOnline(instance, agent);
    const leaving = await createHelpRequest(instance, config, { language: 'fi' });
    const staying = await createHelpRequest(instance, config, { language: 'fi' });
    const leavingSocket = await WsClient.connect(instance.wsUrl, leaving.accessToken);
    const stayingSocket = await WsClient.connect(instance.wsUrl, staying.accessToken);
    await Promise.all([leavingSocket.next('queue.update'), stayingSocket.next('queue.update')]);

    await redis.kill();
    leavingSocket.close();
    await leavingSocket.closed;
    const refusedUser = await refusedWhileDown(instance.wsUrl, staying.accessToken);
    console.log(`user socket during outage: ${refusedUser}`);
    expect(refusedUser).toMatch(/close 4503|503/);
    expect(await refusedWhileDown(instance.wsUrl, agent.token)).toMatch(/close 4503|503/);

    await redis.start();
    const restartedAt = performance.now();
    await within(10_000, async () => (await api(instance, 'GET', '/readyz')).status === 200);
    // Pub/sub kept nothing: the user still connected is told where it stands again.
    await stayingSocket.next('queue.update', () => true, 5000);
    const recoveredMs = performance.now() - restartedAt;

    const stateOf = async (request: { id: string; accessToken: string }) =>
      (await api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).body
        .state;
    await within(GRACE_MS + 4000, async () => (await stateOf(leaving)) === 'abandoned');
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
    expect(await stateOf(staying)).toBe('queued');

    const next = await createHelpRequest(instance, config, { language: 'pt' });
    expect((await agentSocket.next('offer', () => true, 5000)).request.id).toBe(next.id);
    console.log(`redis restart: state re-sent ${Math.round(recoveredMs)} ms after Redis came back`);
    agentSocket.close();
    stayingSocket.close();
  }, 40_000);
});
