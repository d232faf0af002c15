import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  cluster = await startCluster(2);
  [a, b] = cluster.instances as [Instance, Instance];
});
afterAll(() => cluster.close());

describe('capacity and matching', () => {
  it('offers an agent no more than maxSessions at once and the next one when a session ends', async () => {
    const agent = await createAgent(a, cluster.config, { languages: ['es'], maxSessions: 2 });
    const socket = await agentOnline(a, agent);
    const requests = [];
    for (let i = 0; i < 3; i += 1)
      requests.push(await createHelpRequest(i % 2 ? a : b, cluster.config, { language: 'es' }));
    const offers = [await socket.next('offer'), await socket.next('offer')];
    expect(offers.map((o) => o.request.id).sort()).toEqual([requests[0]!.id, requests[1]!.id].sort());
    await socket.expectNone('offer', 500);

    for (const offer of offers) socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const sessions = [await socket.next('session.ready'), await socket.next('session.ready')];
    await socket.expectNone('offer', 300);
    socket.send({ type: 'session.end', sessionId: sessions[0]!.sessionId });
    expect((await socket.next('offer')).request.id).toBe(requests[2]!.id);
    socket.close();
  });

  it('routes by language and category skill, highest urgency first', async () => {
    const payments = await createAgent(b, cluster.config, { languages: ['zh'], skills: ['payment'] });
    const calm = await createHelpRequest(a, cluster.config, {
      language: 'zh-CN',
      channel: 'text',
      text: '我想给个建议',
    });
    const urgent = await createHelpRequest(a, cluster.config, {
      language: 'zh',
      channel: 'text',
      text: '有人正在盗刷我的充值，刚刚被扣款三次',
    });
    const english = await createHelpRequest(a, cluster.config, {
      language: 'en',
      channel: 'text',
      text: 'someone is charging my card right now',
    });
    const socket = await agentOnline(b, payments);
    const offer = await socket.next('offer');
    expect(offer.request).toMatchObject({ id: urgent.id, category: 'payment', language: 'zh' });
    expect(offer.request.urgency.level).toBe('critical');
    await socket.expectNone('offer', 400);
    expect([calm.id, english.id]).not.toContain(offer.request.id);
    socket.close();
  });
});
