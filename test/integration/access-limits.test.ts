import { describe, expect, it } from 'vitest';
import { api, platformToken } from '../support/clients.js';
import { startCluster } from '../support/cluster.js';

describe('production mode', () => {
  it('refuses guests: a help request needs a platform identity', async () => {
    const production = await startCluster(1, { NODE_ENV: 'production' });
    try {
      const reply = await api(production.instances[0]!, 'POST', '/v1/help-requests', {
        body: { channel: 'call', language: 'en' },
      });
      expect(reply).toMatchObject({ status: 401, body: { error: { code: 'LIFELINE_UNAUTHENTICATED' } } });
    } finally {
      await production.close();
    }
  });
});

describe('rate limits', () => {
  it('limits help requests per user identity, not per shared IP', async () => {
    const limited = await startCluster(1, { RATE_LIMIT_CREATE_PER_MINUTE: '2' });
    try {
      const instance = limited.instances[0]!;
      const post = async (sub: string) =>
        (
          await api(instance, 'POST', '/v1/help-requests', {
            token: await platformToken(limited.config, { sub }),
            body: { channel: 'call', language: 'en' },
          })
        ).status;
      // One user hammering: two tries pass the limiter (the second hands back the open case), the third is throttled.
      expect([await post('same'), await post('same')]).toEqual([201, 200]);
      const throttled = await api(instance, 'POST', '/v1/help-requests', {
        token: await platformToken(limited.config, { sub: 'same' }),
        body: { channel: 'call', language: 'en' },
      });
      expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'LIFELINE_RATE_LIMITED' } } });
      // Other users from the same address are not held back by it.
      expect(await post('neighbour-1')).toBe(201);
      expect(await post('neighbour-2')).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
