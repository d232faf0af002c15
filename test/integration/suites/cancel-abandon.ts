import { describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../../support/clients.js';
import type { Instance } from '../../support/cluster.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';
import { twoInstances } from '../../support/twoInstances.js';

/**
 * Cancel while offered or paired, abandon after the grace period, come back within it.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function cancelAbandonSuite(redis: RedisEnv = singleRedis): void {
  const pair = twoInstances(redis, {
    ABANDON_GRACE_MS: '400',
  });

  const cancel = (instance: Instance, request: { id: string; accessToken: string }) =>
    api(instance, 'DELETE', `/v1/help-requests/${request.id}`, { token: request.accessToken });
  const read = (instance: Instance, request: { id: string; accessToken: string }) =>
    api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });

  describe('cancel and abandon', () => {
    it('withdraws the offer when a user cancels while being offered, and frees the agent', async () => {
      const agent = await createAgent(pair.a, pair.cluster.config, { languages: ['nl'] });
      const socket = await agentOnline(pair.a, agent);
      const request = await createHelpRequest(pair.b, pair.cluster.config, { language: 'nl' });
      const offer = await socket.next('offer');
      expect((await cancel(pair.b, request)).body).toEqual({ id: request.id, state: 'cancelled' });
      expect(await socket.next('offer.withdrawn')).toMatchObject({
        offerId: offer.offerId,
        reason: 'cancelled',
      });
      expect((await read(pair.b, request)).body.state).toBe('cancelled');
      expect((await cancel(pair.b, request)).body.state).toBe('cancelled');

      const next = await createHelpRequest(pair.b, pair.cluster.config, { language: 'nl' });
      expect((await socket.next('offer')).request.id).toBe(next.id);
      expect((await cancel(pair.b, next)).body.state).toBe('cancelled');
      socket.close();
    });

    it('ends the session when the user cancels after being paired', async () => {
      const agent = await createAgent(pair.a, pair.cluster.config, { languages: ['sv'] });
      const socket = await agentOnline(pair.a, agent);
      const request = await createHelpRequest(pair.b, pair.cluster.config, { language: 'sv' });
      socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
      const ready = await socket.next('session.ready');
      expect((await cancel(pair.b, request)).body.state).toBe('ended');
      expect(await socket.next('session.ended')).toEqual({
        type: 'session.ended',
        sessionId: ready.sessionId,
        reason: 'user_cancelled',
      });
      socket.close();
    });

    it('abandons a waiting request whose user stays gone past the grace period, and counts it', async () => {
      const request = await createHelpRequest(pair.a, pair.cluster.config, { language: 'fi' });
      const user = await WsClient.connect(pair.b.wsUrl, request.accessToken);
      await user.next('queue.update');
      user.close();
      await user.closed;
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(pair.a, request)).body.state).toBe('abandoned');
      const metrics =
        (await fetch(`${pair.a.url}/metrics`).then((r) => r.text())) +
        (await fetch(`${pair.b.url}/metrics`).then((r) => r.text()));
      const swept = [...metrics.matchAll(/^lifeline_abandoned_total (\d+)/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(swept).toBe(1);
    });

    it('abandons a request whose user never opens a socket, after the grace period', async () => {
      const request = await createHelpRequest(pair.a, pair.cluster.config, { language: 'is' });
      expect((await read(pair.a, request)).body.state).toBe('queued');
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(pair.b, request)).body.state).toBe('abandoned');
    });

    it('never abandons a text or voice conversation: it waits for its user', async () => {
      const text = await createHelpRequest(pair.a, pair.cluster.config, {
        channel: 'text',
        language: 'et',
        text: 'reply later',
      });
      const voice = await createHelpRequest(pair.a, pair.cluster.config, {
        channel: 'voice',
        language: 'et',
      });
      const socket = await WsClient.connect(pair.b.wsUrl, text.accessToken);
      await socket.next('queue.update');
      socket.close();
      await socket.closed;
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(pair.a, text)).body.state).toBe('queued');
      expect((await read(pair.b, voice)).body.state).toBe('queued');
    });

    it('keeps a request whose user comes back within the grace period, on another instance', async () => {
      const request = await createHelpRequest(pair.a, pair.cluster.config, { language: 'da' });
      const first = await WsClient.connect(pair.a.wsUrl, request.accessToken);
      const { position } = await first.next('queue.update');
      first.close();
      await first.closed;
      const again = await WsClient.connect(pair.b.wsUrl, request.accessToken);
      expect((await again.next('queue.update')).position).toBe(position);
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(pair.a, request)).body.state).toBe('queued');
      again.close();
    });
  });
}
