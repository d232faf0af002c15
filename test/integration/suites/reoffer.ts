import { describe, expect, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest } from '../../support/clients.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';
import { twoInstances } from '../../support/twoInstances.js';

/**
 * Re-offers after a decline, a timeout or a disconnect, across two API instances.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function reofferSuite(redis: RedisEnv = singleRedis): void {
  const pair = twoInstances(redis, {
    OFFER_TIMEOUT_MS: '1000',
    DECLINE_COOLDOWN_MS: '60000',
  });

  /** Two agents for one language, the first idle longer, so it is offered first. */
  async function twoAgents(language: string) {
    const first = await createAgent(pair.a, pair.cluster.config, { languages: [language] });
    const second = await createAgent(pair.b, pair.cluster.config, { languages: [language] });
    const firstSocket = await agentOnline(pair.a, first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const secondSocket = await agentOnline(pair.b, second);
    return { firstSocket, secondSocket };
  }

  describe('re-offering', () => {
    it('re-offers a declined request to the next agent and not again to the one who declined', async () => {
      const { firstSocket, secondSocket } = await twoAgents('de');
      const request = await createHelpRequest(pair.a, pair.cluster.config, { language: 'de' });
      const offer = await firstSocket.next('offer');
      expect(offer.request.id).toBe(request.id);

      firstSocket.send({ type: 'offer.decline', offerId: offer.offerId, ref: 'no' });
      await firstSocket.next('ack', (f) => f.ref === 'no');
      const reoffer = await secondSocket.next('offer');
      expect(reoffer.request.id).toBe(request.id);
      expect(reoffer.offerId).not.toBe(offer.offerId);
      secondSocket.send({ type: 'offer.decline', offerId: reoffer.offerId });
      await firstSocket.expectNone('offer', 600);

      // A decline of an offer already answered is refused with a code, not applied twice.
      firstSocket.send({ type: 'offer.decline', offerId: offer.offerId, ref: 'again' });
      expect(await firstSocket.next('error', (f) => f.ref === 'again')).toMatchObject({
        code: 'LIFELINE_OFFER_GONE',
      });
      firstSocket.close();
      secondSocket.close();
    });

    it('withdraws an unanswered offer when it times out and offers the request to the next agent', async () => {
      const { firstSocket, secondSocket } = await twoAgents('it');
      const request = await createHelpRequest(pair.b, pair.cluster.config, { language: 'it' });
      const offer = await firstSocket.next('offer');
      const withdrawn = await firstSocket.next('offer.withdrawn', () => true, 3000);
      expect(withdrawn).toMatchObject({ offerId: offer.offerId, reason: 'expired' });
      const reoffer = await secondSocket.next('offer', () => true, 3000);
      expect(reoffer.request.id).toBe(request.id);

      firstSocket.send({ type: 'offer.accept', offerId: offer.offerId, ref: 'late' });
      expect(await firstSocket.next('error', (f) => f.ref === 'late')).toMatchObject({
        code: 'LIFELINE_OFFER_GONE',
      });
      secondSocket.send({ type: 'offer.accept', offerId: reoffer.offerId });
      await secondSocket.next('session.ready');
      firstSocket.close();
      secondSocket.close();
    });

    it('moves an offer on at once when its agent disconnects, without waiting for the timeout', async () => {
      const { firstSocket, secondSocket } = await twoAgents('tr');
      const request = await createHelpRequest(pair.a, pair.cluster.config, { language: 'tr' });
      expect((await firstSocket.next('offer')).request.id).toBe(request.id);
      firstSocket.close();
      const reoffer = await secondSocket.next('offer', () => true, 500);
      expect(reoffer.request.id).toBe(request.id);
      secondSocket.close();
    });

    it('refuses to let one agent answer another agent’s offer', async () => {
      const { firstSocket, secondSocket } = await twoAgents('pt');
      await createHelpRequest(pair.a, pair.cluster.config, { language: 'pt' });
      const offer = await firstSocket.next('offer');
      secondSocket.send({ type: 'offer.accept', offerId: offer.offerId, ref: 'steal' });
      expect(await secondSocket.next('error', (f) => f.ref === 'steal')).toMatchObject({
        code: 'LIFELINE_FORBIDDEN',
      });
      firstSocket.send({ type: 'offer.accept', offerId: offer.offerId });
      await firstSocket.next('session.ready');
      firstSocket.close();
      secondSocket.close();
    });
  });
}
