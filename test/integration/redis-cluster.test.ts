import type { Cluster as IoredisCluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest } from '../support/clients.js';
import { startCluster } from '../support/cluster.js';
import { startRedisCluster, type LocalRedisCluster } from '../support/redis-cluster.js';
import { cancelAbandonSuite } from './suites/cancel-abandon.js';
import { pairingSuite } from './suites/pairing.js';
import { raceSuite } from './suites/race.js';
import { reofferSuite } from './suites/reoffer.js';
import { voiceSuite } from './suites/voice.js';

/**
 * The routing and voice suites again, on a real 3-master Redis Cluster with a hash-tagged prefix:
 * API instances, their pub/sub and a worker process with its BullMQ queues all on the cluster.
 */
let redis: LocalRedisCluster;
beforeAll(async () => {
  redis = await startRedisCluster({ masters: 3 });
}, 30_000);
afterAll(() => redis?.stop());
const onCluster = () => redis.env();

describe('on a Redis Cluster: routing', () => {
  pairingSuite(onCluster);
  reofferSuite(onCluster);
  cancelAbandonSuite(onCluster);
  raceSuite(onCluster);
});

describe('on a Redis Cluster: voice through a worker and BullMQ', () => {
  voiceSuite(onCluster);
});

describe('on a Redis Cluster: one slot per deployment', () => {
  it('keeps every key of one prefix in the hash tag’s slot, on one master', async () => {
    const lifeline = await startCluster(1, onCluster());
    onTestFinished(() => lifeline.close());
    const [app] = lifeline.instances as [(typeof lifeline.instances)[0]];
    const socket = await agentOnline(app, await createAgent(app, lifeline.config));
    await createHelpRequest(app, lifeline.config);
    await socket.next('offer');

    const client = lifeline.redis as IoredisCluster;
    const slot = await client.cluster('KEYSLOT', lifeline.config.keyPrefix);
    const keysPerMaster = await Promise.all(
      client.nodes('master').map((node) => node.keys(`${lifeline.config.keyPrefix}*`)),
    );
    expect(keysPerMaster.filter((keys) => keys.length > 0)).toHaveLength(1);
    const keys = keysPerMaster.flat();
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(await client.cluster('KEYSLOT', key)).toBe(slot);
    socket.close();
  });
});

// Last: it takes the whole cluster down and brings it back empty.
describe('on a Redis Cluster: outage', () => {
  it('API fails fast with 503 while the cluster is down, and pairs again once it is back', async () => {
    const lifeline = await startCluster(1, onCluster());
    const [app] = lifeline.instances as [(typeof lifeline.instances)[0]];
    const before = await createHelpRequest(app, lifeline.config);

    await redis.kill();
    const started = performance.now();
    const refused = await api(app, 'POST', '/v1/help-requests', {
      body: { channel: 'call', language: 'en' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'LIFELINE_REDIS_UNAVAILABLE' } } });
    expect((await api(app, 'GET', '/readyz')).status).toBe(503);

    await redis.restart();
    await expect
      .poll(async () => (await api(app, 'GET', '/readyz')).status, { timeout: 15_000, interval: 100 })
      .toBe(200);
    const socket = await agentOnline(app, await createAgent(app, lifeline.config));
    const request = await createHelpRequest(app, lifeline.config);
    // The cluster came back empty: the case from before is restored from the database and,
    // being older, is offered first; then the new one.
    expect((await socket.next('offer')).request.id).toBe(before.id);
    expect(
      await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }),
    ).toMatchObject({
      body: { state: 'queued' },
    });
    socket.close();
    await lifeline.close();
  }, 30_000);
});
