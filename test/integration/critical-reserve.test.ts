import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest, type WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/**
 * The critical reserve (CRITICAL_RESERVE_AGENTS=1): the last free agent is kept for critical
 * requests, so a surge of others cannot hold every agent when one comes; with nobody else
 * online it serves everyone. Each case speaks its own language.
 */
let cluster: Cluster;
let app: Instance;
const sockets: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster(1, { CRITICAL_RESERVE_AGENTS: '1' });
  app = cluster.instances[0]!;
}, 60_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await cluster.close();
});

async function online(language: string) {
  const socket = await agentOnline(
    app,
    await createAgent(app, cluster.config, { languages: [language], skills: ['account_security'] }),
  );
  sockets.push(socket);
  return socket;
}
const ask = (language: string, text: string) =>
  createHelpRequest(app, cluster.config, { channel: 'text', language, text });
const ROUTINE = 'how do I add a co-host to my live';
const CRITICAL = 'someone hacked my account and is stealing money right now';

async function take(socket: WsClient, requestId: string) {
  const offer = await socket.next('offer', (f) => f.request.id === requestId, 3000);
  socket.send({ type: 'offer.accept', offerId: offer.offerId });
  return socket.next('session.ready', (f) => f.requestId === requestId);
}

describe('the critical reserve', () => {
  // First: only this agent is online then.
  it('serves everyone when no more agents than the reserve are online', async () => {
    const alone = await online('et');
    const routine = await ask('et', ROUTINE);
    expect((await alone.next('offer', undefined, 2000)).request.id).toBe(routine.id);
  });
  it('keeps the last free agent for a critical request, and gives it the others once more are free', async () => {
    const first = await online('fi');
    const second = await online('fi');
    const busy = await take(first, (await ask('fi', ROUTINE)).id);

    const routine = await ask('fi', ROUTINE);
    await expect(second.next('offer', undefined, 800)).rejects.toThrow();
    const critical = await ask('fi', CRITICAL);
    const offer = await second.next('offer', undefined, 2000);
    expect(offer.request).toMatchObject({ id: critical.id, urgency: { level: 'critical' } });
    second.send({ type: 'offer.accept', offerId: offer.offerId });
    const criticalSession = await second.next('session.ready');

    // One agent free again: still the reserve. Both free: one of them takes the routine request.
    first.send({ type: 'session.end', sessionId: busy.sessionId });
    await expect(first.next('offer', undefined, 800)).rejects.toThrow();
    second.send({ type: 'session.end', sessionId: criticalSession.sessionId });
    const routineOffer = await Promise.race([
      first.next('offer', (f) => f.request.id === routine.id, 3000),
      second.next('offer', (f) => f.request.id === routine.id, 3000),
    ]);
    expect(routineOffer.request.id).toBe(routine.id);
  });
});
