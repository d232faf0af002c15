import { decodeJwt } from 'jose';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest, liveCall, WsClient } from '../../support/clients.js';
import { startCluster, type Cluster } from '../../support/cluster.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';

/**
 * Pairing across two API instances: offer, accept, LiveKit room, end; queue positions.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function pairingSuite(redis: RedisEnv = singleRedis): void {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(2, redis());
  });
  afterAll(() => cluster.close());

  describe('pairing across instances', () => {
    it('pairs a user on instance A with an agent on instance B into one LiveKit room', async () => {
      const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
      const agent = await createAgent(b, cluster.config, { name: 'Ada', skills: ['technical'] });
      const agentSocket = await agentOnline(b, agent);

      const started = performance.now();
      const request = await createHelpRequest(a, cluster.config, {
        text: 'my stream keeps freezing',
        stream: { id: 'live-1', offsetSeconds: 42 },
      });
      const userSocket = await WsClient.connect(a.wsUrl, request.accessToken);

      const offer = await agentSocket.next('offer');
      const timeToOfferMs = performance.now() - started;
      expect(offer.request).toMatchObject({
        id: request.id,
        channel: 'call',
        language: 'en',
        tier: 'regular',
        stream: { id: 'live-1', offsetSeconds: 42 },
      });
      expect(offer.expiresInMs).toBe(cluster.config.routing.offerTimeoutMs);

      agentSocket.send({ type: 'offer.accept', offerId: offer.offerId, ref: 'acc' });
      await agentSocket.next('ack', (f) => f.ref === 'acc');
      const agentReady = await agentSocket.next('session.ready');
      const userReady = await userSocket.next('session.ready');
      const timeToReadyMs = performance.now() - started;

      expect(userReady.room).toBe(agentReady.room);
      expect(userReady.sessionId).toBe(agentReady.sessionId);
      expect(userReady.livekitUrl).toBe(cluster.config.livekit.publicUrl);
      expect(userReady.token).not.toBe(agentReady.token);
      console.info(
        `time to offer ${timeToOfferMs.toFixed(1)} ms, to both ready ${timeToReadyMs.toFixed(1)} ms`,
      );

      for (const [token, identity] of [
        [liveCall(userReady).token, `user-${request.id}`],
        [liveCall(agentReady).token, `agent-${agent.id}`],
      ] as const) {
        const claims = decodeJwt(token) as {
          sub: string;
          exp: number;
          nbf?: number;
          iat?: number;
          video: Record<string, unknown>;
        };
        expect(claims.sub).toBe(identity);
        expect(claims.video).toEqual({
          room: userReady.room,
          roomJoin: true,
          canPublish: true,
          canPublishData: false,
          canSubscribe: true,
        });
        expect(claims.exp - (claims.nbf ?? claims.iat ?? 0)).toBeLessThanOrEqual(600);
      }

      const { livekit } = cluster.config;
      const rooms = new RoomServiceClient(
        livekit.url.replace('ws://', 'http://'),
        livekit.apiKey,
        livekit.apiSecret,
      );
      expect((await rooms.listRooms([liveCall(agentReady).room])).map((r) => r.name)).toEqual([
        agentReady.room,
      ]);

      agentSocket.send({
        type: 'session.end',
        sessionId: agentReady.sessionId,
        outcome: 'resolved',
        ref: 'end',
      });
      await agentSocket.next('ack', (f) => f.ref === 'end');
      expect((await userSocket.next('session.ended')).reason).toBe('agent_ended');
      expect((await agentSocket.next('session.ended')).sessionId).toBe(agentReady.sessionId);
      await expect.poll(async () => (await rooms.listRooms([liveCall(agentReady).room])).length).toBe(0);

      const metrics = await fetch(`${b.url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/^lifeline_offers_total\{outcome="accepted"\} 1$/m);
      expect(metrics).toMatch(/^lifeline_wait_seconds_count 1$/m);
      expect(metrics).toMatch(/^lifeline_queue_waiting \d+$/m);
      agentSocket.close();
      userSocket.close();
    });

    it('pushes position and ETA to every waiting user as the queue changes', async () => {
      const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
      const first = await createHelpRequest(a, cluster.config, { language: 'fr' });
      const second = await createHelpRequest(b, cluster.config, { language: 'fr' });
      expect(first.position).toBe(1);
      expect(second.position).toBe(2);
      const secondSocket = await WsClient.connect(a.wsUrl, second.accessToken);
      expect((await secondSocket.next('queue.update')).position).toBe(2);

      const firstSocket = await WsClient.connect(b.wsUrl, first.accessToken);
      await firstSocket.next('queue.update', (f) => f.position === 1);
      const cancel = await fetch(`${b.url}/v1/help-requests/${first.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${first.accessToken}` },
      });
      expect(cancel.status).toBe(200);
      const moved = await secondSocket.next('queue.update', (f) => f.position === 1);
      // Nobody who speaks French is online: the update says so instead of giving a number.
      expect(moved).toMatchObject({ etaSeconds: 0, noAgentOnline: true });
      expect((await firstSocket.next('request.closed')).reason).toBe('cancelled');
      firstSocket.close();
      secondSocket.close();
    });
  });
}
