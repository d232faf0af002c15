import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../core/protocol/frames.js';
import { agentOnline, createAgent, createHelpRequest, WsClient } from '../../support/clients.js';
import { startCluster, type Cluster } from '../../support/cluster.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';

/**
 * Many simultaneous claims across three API instances: never a double assignment.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function raceSuite(redis: RedisEnv = singleRedis): void {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(3, redis());
  });
  afterAll(() => cluster.close());

  describe('concurrent claims', () => {
    it('lets exactly one of many simultaneous claims on one request win, across instances', async () => {
      const agents = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createAgent(cluster.instances[i % 3]!, cluster.config, { languages: ['ko'] }),
        ),
      );
      // Agents must be online for a claim to be possible at all; sockets hold them online.
      const sockets = await Promise.all(
        agents.map((agent, i) => agentOnline(cluster.instances[i % 3]!, agent)),
      );
      for (const socket of sockets) socket.send({ type: 'agent.status', status: 'away', ref: 'away' });
      await Promise.all(sockets.map((s) => s.next('agent.status', (f) => f.ref === 'away')));
      for (const socket of sockets) socket.send({ type: 'agent.status', status: 'available', ref: 'back' });
      await Promise.all(sockets.map((s) => s.next('agent.status', (f) => f.ref === 'back')));

      for (let round = 0; round < 20; round += 1) {
        const request = await createHelpRequest(cluster.instances[round % 3]!, cluster.config, {
          language: 'xx',
        });
        const now = Date.now();
        const wins = await Promise.all(
          agents.map((agent, i) =>
            cluster.instances[i % 3]!.app.lifeline.stores.sessionStore.claimOffer(
              request.id,
              agent.id,
              randomUUID(),
              now,
              now + 60_000,
            ),
          ),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
      }
      const loads = await Promise.all(
        agents.map((agent) => cluster.instances[0]!.app.lifeline.stores.presenceStore.getPresence(agent.id)),
      );
      expect(loads.reduce((sum, p) => sum + Number(p.load), 0)).toBe(20);
      for (const presence of loads)
        expect(Number(presence.load)).toBeLessThanOrEqual(Number(presence.maxSessions));
      for (const socket of sockets) socket.close();
    });

    it('pairs a burst of users with agents on three instances without any double assignment', async () => {
      const AGENTS = 24;
      const USERS = 120;
      const agents = await Promise.all(
        Array.from({ length: AGENTS }, (_, i) =>
          createAgent(cluster.instances[i % 3]!, cluster.config, { languages: ['ja'] }),
        ),
      );
      const sockets = await Promise.all(
        agents.map((agent, i) => agentOnline(cluster.instances[i % 3]!, agent)),
      );
      const sessionsByAgent = new Map<string, Set<string>>();
      // Every agent accepts every offer it gets, as fast as it can.
      sockets.forEach((socket, i) =>
        socket.socket.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as ServerFrame;
          if (frame.type === 'offer') socket.send({ type: 'offer.accept', offerId: frame.offerId });
          if (frame.type === 'session.ready') {
            const set = sessionsByAgent.get(agents[i]!.id) ?? new Set();
            set.add(frame.requestId);
            sessionsByAgent.set(agents[i]!.id, set);
          }
        }),
      );
      const requests = await Promise.all(
        Array.from({ length: USERS }, (_, i) =>
          createHelpRequest(cluster.instances[i % 3]!, cluster.config, { language: 'ja' }),
        ),
      );
      const users = await Promise.all(
        requests.map((r, i) => WsClient.connect(cluster.instances[(i + 1) % 3]!.wsUrl, r.accessToken)),
      );

      const deadline = Date.now() + 10_000;
      const assigned = () => [...sessionsByAgent.values()].reduce((n, s) => n + s.size, 0);
      while (assigned() < AGENTS && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(assigned()).toBe(AGENTS);
      for (const set of sessionsByAgent.values()) expect(set.size).toBe(1);
      const requestIds = [...sessionsByAgent.values()].flatMap((s) => [...s]);
      expect(new Set(requestIds).size).toBe(requestIds.length);
      const readyUsers = users.filter((u) => u.frames.some((f) => f.type === 'session.ready'));
      expect(readyUsers).toHaveLength(AGENTS);
      for (const user of readyUsers)
        expect(user.frames.filter((f) => f.type === 'session.ready')).toHaveLength(1);
      for (const s of [...sockets, ...users]) s.close();
    });
  });
}
