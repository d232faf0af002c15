import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWaiting } from '../../scripts/lib/seedWaiting.js';
import { WsClient, agentOnline, createAgent, createHelpRequest, type TestAgent } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/** More urgent requests than any the tests make, on a route no agent here serves. */
const UNSERVABLE = 1000;
/** No session ends in this file, so every estimate uses the configured handle time. */
const HANDLE_SECONDS = 300;

let cluster: Cluster;
let app: Instance;
const sockets: WsClient[] = [];

const agent = (languages: string[]): Promise<TestAgent> =>
  createAgent(app, cluster.config, { languages, maxSessions: 1 });

async function online(who: TestAgent): Promise<WsClient> {
  const socket = await agentOnline(app, who);
  sockets.push(socket);
  return socket;
}

/** Brings an agent online and has it accept the offer it gets at once, so it stays online but full. */
async function busy(languages: string[], requestId: string): Promise<void> {
  const socket = await online(await agent(languages));
  const offer = await socket.next('offer', (f) => f.request.id === requestId);
  socket.send({ type: 'offer.accept', offerId: offer.offerId });
  await socket.next('session.ready');
}

async function userSocket(request: { accessToken: string }): Promise<WsClient> {
  const socket = await WsClient.connect(app.wsUrl, request.accessToken);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  cluster = await startCluster(1, { DEFAULT_HANDLE_SECONDS: String(HANDLE_SECONDS) });
  app = cluster.instances[0]!;
  await seedWaiting(app.app.lifeline.stores.queue, UNSERVABLE, () => ({
    language: 'fi',
    category: 'account_security',
    score: 95,
    level: 'critical',
  }));
  // Online and free, but of no use to any request below: they must not shorten its wait.
  for (let i = 0; i < 2; i++) await online(await agent(['de']));
}, 60_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await cluster.close();
});

describe('honest waits', () => {
  it('counts only the requests on its own route, and only the agents who can serve it', async () => {
    const first = await createHelpRequest(app, cluster.config, {
      language: 'en',
      text: 'cannot find settings',
    });
    await busy(['en'], first.id);
    const second = await createHelpRequest(app, cluster.config, { language: 'en', text: 'how do I go live' });
    const third = await createHelpRequest(app, cluster.config, {
      language: 'en',
      text: 'where is my profile page',
    });
    expect(await app.app.lifeline.stores.queue.waitingCount()).toBe(UNSERVABLE + 2);
    expect(second).toMatchObject({ position: 1, etaSeconds: HANDLE_SECONDS });
    expect(second).not.toHaveProperty('noAgentOnline');
    expect(third).toMatchObject({ position: 2, etaSeconds: 2 * HANDLE_SECONDS });

    // A second English agent takes the next request: the third is now first, served by two.
    const user = await userSocket(third);
    await busy(['en'], second.id);
    const update = await user.next('queue.update', (f) => f.position === 1, 3000);
    expect(update).toMatchObject({ state: 'waiting', etaSeconds: HANDLE_SECONDS / 2 });
    expect(update.noAgentOnline).toBeUndefined();
  });

  it('says nobody who can help is online, until someone who can comes online', async () => {
    const first = await createHelpRequest(app, cluster.config, { language: 'ja', text: 'how do I go live' });
    const second = await createHelpRequest(app, cluster.config, {
      language: 'ja',
      text: 'where is my profile page',
    });
    expect(first).toMatchObject({ position: 1, etaSeconds: 0, state: 'waiting', noAgentOnline: true });
    expect(second).toMatchObject({ position: 2, etaSeconds: 0, noAgentOnline: true });

    const user = await userSocket(second);
    const before = await user.next('queue.update', () => true, 3000);
    expect(before).toMatchObject({ position: 2, etaSeconds: 0, state: 'waiting', noAgentOnline: true });

    // A Japanese speaker comes online and takes the first: the second now has a real estimate.
    await busy(['ja'], first.id);
    const after = await user.next('queue.update', (f) => f.position === 1, 3000);
    expect(after).toMatchObject({ state: 'waiting', etaSeconds: HANDLE_SECONDS });
    expect(after.noAgentOnline).toBeUndefined();
  });

  it('counts an agent for a category only with that skill, and for general always', async () => {
    const skilled = await createAgent(app, cluster.config, {
      languages: ['fi'],
      skills: ['account_security'],
    });
    await online(await agent(['fi']));
    const { presenceStore } = app.app.lifeline.stores;
    const routes = [
      { keys: ['fi:account_security'] },
      { keys: ['fi:general'] },
      { keys: ['de:general'] },
      { keys: ['de:account_security'] },
      // A widened request: served by whoever serves either, each agent counted once.
      { keys: ['fi:account_security', 'fi:general', 'de:general'] },
    ];
    expect(await presenceStore.eligibleOnline(routes)).toEqual([0, 1, 2, 0, 3]);
    // The skilled agent is offered a seeded request at once, and stays online while on it.
    await online(skilled);
    expect(await presenceStore.eligibleOnline(routes)).toEqual([1, 2, 2, 0, 4]);
  });
});
