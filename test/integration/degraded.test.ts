import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest } from '../support/clients.js';
import { startInstance, testConfig } from '../support/cluster.js';
import { freePort } from '../../scripts/lib/ports.js';

describe('degraded dependencies', () => {
  it('keeps an accepted request when LiveKit is down: the agent is told, the request goes back to the queue', async () => {
    const config = testConfig({ LIVEKIT_URL: `ws://127.0.0.1:${await freePort()}` });
    const instance = await startInstance(config);
    try {
      expect(await api(instance, 'GET', '/readyz')).toMatchObject({
        status: 503,
        body: { redis: 'up', livekit: 'down' },
      });
      const agent = await createAgent(instance, config);
      const socket = await agentOnline(instance, agent);
      const request = await createHelpRequest(instance, config);
      const offer = await socket.next('offer');
      socket.send({ type: 'offer.accept', offerId: offer.offerId, ref: 'try' });
      expect(await socket.next('error', (f) => f.ref === 'try')).toMatchObject({
        code: 'LIFELINE_MEDIA_UNAVAILABLE',
      });
      const state = (
        await api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })
      ).body.state;
      expect(['queued', 'offered']).toContain(state);
      expect((await socket.next('offer')).request.id).toBe(request.id);
      socket.close();
    } finally {
      await instance.app.close();
    }
  });

  it('honours a Redis database number in REDIS_URL', async () => {
    const config = testConfig({ REDIS_URL: 'redis://127.0.0.1:6379/5' });
    const instance = await startInstance(config);
    const db5 = new Redis('redis://127.0.0.1:6379/5');
    const db0 = new Redis('redis://127.0.0.1:6379/0');
    try {
      const request = await createHelpRequest(instance, config);
      expect(await db5.exists(`${config.keyPrefix}req:${request.id}`)).toBe(1);
      expect(await db0.exists(`${config.keyPrefix}req:${request.id}`)).toBe(0);
    } finally {
      await instance.app.close();
      const keys = await db5.keys(`${config.keyPrefix}*`);
      if (keys.length > 0) await db5.del(...keys);
      db5.disconnect();
      db0.disconnect();
    }
  });
});
