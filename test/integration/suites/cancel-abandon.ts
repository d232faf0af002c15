import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../../support/cluster.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';

/**
 * Cancel while offered or paired, abandon after the grace period, come back within it.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function cancelAbandonSuite(redis: RedisEnv = singleRedis): void {
  let cluster: Cluster;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    cluster = await startCluster(2, {
      ...redis(),
      ABANDON_GRACE_MS: '400',
    });
    [a, b] = cluster.instances as [Instance, Instance];
  });
  afterAll(() => cluster.close());

  const cancel = (instance: Instance, request: { id: string; accessToken: string }) =>
    api(instance, 'DELETE', `/v1/help-requests/${request.id}`, { token: request.accessToken });
  const read = (instance: Instance, request: { id: string; accessToken: string }) =>
    api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });

  describe('cancel and abandon', () => {
    it('withdraws the offer when a user cancels while being offered, and frees the agent', async () => {
      const agent = await createAgent(a, cluster.config, { languages: ['nl'] });
      const socket = await agentOnline(a, agent);
      const request = await createHelpRequest(b, cluster.config, { language: 'nl' });
      const offer = await socket.next('offer');
      expect((await cancel(b, request)).body).toEqual({ id: request.id, state: 'cancelled' });
      expect(await socket.next('offer.withdrawn')).toMatchObject({
        offerId: offer.offerId,
        reason: 'cancelled',
      });
      expect((await read(b, request)).body.state).toBe('cancelled');
      expect((await cancel(b, request)).body.state).toBe('cancelled');

      const next = await createHelpRequest(b, cluster.config, { language: 'nl' });
      expect((await socket.next('offer')).request.id).toBe(next.id);
      expect((await cancel(b, next)).body.state).toBe('cancelled');
      socket.close();
    });

    it('ends the session when the user cancels after being paired', async () => {
      const agent = await createAgent(a, cluster.config, { languages: ['sv'] });
      const socket = await agentOnline(a, agent);
      const request = await createHelpRequest(b, cluster.config, { language: 'sv' });
      socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
      const ready = await socket.next('session.ready');
      expect((await cancel(b, request)).body.state).toBe('ended');
      expect(await socket.next('session.ended')).toEqual({
        type: 'session.ended',
        sessionId: ready.sessionId,
        reason: 'user_cancelled',
      });
      socket.close();
    });

    it('abandons a waiting request whose user stays gone past the grace period, and counts it', async () => {
      const request = await createHelpRequest(a, cluster.config, { language: 'fi' });
      const user = await WsClient.connect(b.wsUrl, request.accessToken);
      await user.next('queue.update');
      user.close();
      await user.closed;
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(a, request)).body.state).toBe('abandoned');
      const metrics =
        (await fetch(`${a.url}/metrics`).then((r) => r.text())) +
        (await fetch(`${b.url}/metrics`).then((r) => r.text()));
      const swept = [...metrics.matchAll(/^lifeline_abandoned_total (\d+)/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(swept).toBe(1);
    });

    it('abandons a request whose user never opens a socket, after the grace period', async () => {
      const request = await createHelpRequest(a, cluster.config, { language: 'is' });
      expect((await read(a, request)).body.state).toBe('queued');
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(b, request)).body.state).toBe('abandoned');
    });

    it('never abandons a text or voice conversation: it waits for its user', async () => {
      const text = await createHelpRequest(a, cluster.config, {
        channel: 'text',
        language: 'et',
        text: 'reply later',
      });
      const voice = await createHelpRequest(a, cluster.config, { channel: 'voice', language: 'et' });
      const socket = await WsClient.connect(b.wsUrl, text.accessToken);
      await socket.next('queue.update');
      socket.close();
      await socket.closed;
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(a, text)).body.state).toBe('queued');
      expect((await read(b, voice)).body.state).toBe('queued');
    });

    it('keeps a request whose user comes back within the grace period, on another instance', async () => {
      const request = await createHelpRequest(a, cluster.config, { language: 'da' });
      const first = await WsClient.connect(a.wsUrl, request.accessToken);
      const { position } = await first.next('queue.update');
      first.close();
      await first.closed;
      const again = await WsClient.connect(b.wsUrl, request.accessToken);
      expect((await again.next('queue.update')).position).toBe(position);
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect((await read(a, request)).body.state).toBe('queued');
      again.close();
    });
  });
}
