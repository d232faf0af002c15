import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWaiting } from '../../scripts/lib/seedWaiting.js';
import { agentOnline, api, createAgent, createHelpRequest } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/** More urgent requests than any read window, none of which an online agent can take. */
const UNSERVABLE = 1005;

let cluster: Cluster;
let app: Instance;

beforeAll(async () => {
  cluster = await startCluster(1);
  app = cluster.instances[0]!;
  await seedWaiting(app.app.lifeline.stores.queue, UNSERVABLE, () => ({
    language: 'fi',
    category: 'account_security',
    score: 95,
    level: 'critical',
  }));
}, 60_000);
afterAll(() => cluster.close());

describe('head-of-line starvation', () => {
  it('offers a free agent the request it can serve behind a thousand it cannot', async () => {
    const agent = await createAgent(app, cluster.config, { languages: ['en'] });
    const socket = await agentOnline(app, agent);
    const started = performance.now();
    const ordinary = await createHelpRequest(app, cluster.config, {
      language: 'en',
      text: 'cannot find settings',
    });
    const offer = await socket.next('offer', () => true, 2000);
    expect(offer.request.id).toBe(ordinary.id);
    expect(performance.now() - started).toBeLessThan(1000);
    // Out of the way of the next test: the user cancels.
    await api(app, 'DELETE', `/v1/help-requests/${ordinary.id}`, { token: ordinary.accessToken });
    socket.close();
  });

  it('offers an agent who comes online the request waiting behind them', async () => {
    const ordinary = await createHelpRequest(app, cluster.config, {
      language: 'en',
      text: 'how do I go live',
    });
    const agent = await createAgent(app, cluster.config, { languages: ['en'] });
    const started = performance.now();
    const socket = await agentOnline(app, agent);
    expect((await socket.next('offer', () => true, 2000)).request.id).toBe(ordinary.id);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await app.app.lifeline.stores.queue.waitingCount()).toBe(UNSERVABLE);
    socket.close();
  });
});
