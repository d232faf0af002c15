import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createAgent, createHelpRequest, type TestAgent } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let app: Instance;
let agent: TestAgent;

beforeAll(async () => {
  cluster = await startCluster(1, { INCIDENT_MIN_USERS: '3', INCIDENT_WINDOW_MINUTES: '10' });
  app = cluster.instances[0]!;
  agent = await createAgent(app, cluster.config);
});
afterAll(() => cluster.close());

const read = async (request: { id: string; accessToken: string }) =>
  (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).body;
const cancel = (request: { id: string; accessToken: string }) =>
  api(app, 'DELETE', `/v1/help-requests/${request.id}`, { token: request.accessToken });

describe('signals beyond the words', () => {
  it('escalates a repeat contact about the same category, and says so', async () => {
    const user = { sub: 'repeat-user', tier: 'regular' };
    const text = 'my payout never arrived';
    const first = await createHelpRequest(app, cluster.config, { channel: 'text', text }, user);
    await cancel(first);
    const second = await createHelpRequest(app, cluster.config, { channel: 'text', text }, user);
    const [a, b] = [await read(first), await read(second)];
    expect(b.urgency.score).toBeGreaterThan(a.urgency.score);
    expect(b.urgency.reasons).toContain('contacted 1 time(s) before about this');

    await cancel(second);
    const other = await createHelpRequest(
      app,
      cluster.config,
      { channel: 'text', text: 'the app crashes on start' },
      user,
    );
    expect((await read(other)).urgency.reasons.join(' ')).not.toMatch(/contacted/);
    await cancel(other);
  });

  it('opens an incident when many users report the same harm within minutes', async () => {
    const text = 'someone hacked my account';
    const reports = [];
    for (let i = 0; i < 3; i += 1)
      reports.push(
        await createHelpRequest(app, cluster.config, { channel: 'text', text }, { sub: `burst-${i}` }),
      );
    expect((await read(reports[0]!)).urgency.reasons.join(' ')).not.toMatch(/incident/);
    expect((await read(reports[2]!)).urgency.reasons.join(' ')).toMatch(/open incident: hacked/);
    const incidents = await api(app, 'GET', '/v1/incidents', { token: agent.token });
    expect(incidents.body.incidents).toContainEqual(expect.objectContaining({ keyword: 'hacked', users: 3 }));
    expect((await api(app, 'GET', '/v1/incidents', { token: reports[0]!.accessToken })).status).toBe(403);
  });

  it('serves quick replies per category in the user’s language, glossed in the agent’s, to agents only', async () => {
    const en = await api(app, 'GET', '/v1/quick-replies?category=payment&lang=en-US', { token: agent.token });
    expect(en.body).toMatchObject({ category: 'payment', lang: 'en' });
    expect(en.body.replies.length).toBeGreaterThan(0);
    const zh = await api(app, 'GET', '/v1/quick-replies?category=payment&lang=zh-CN', { token: agent.token });
    expect(zh.body.lang).toBe('zh-Hans');
    expect(zh.body.replies[0].text).toMatch(/[\u4e00-\u9fff]/);
    const ar = await api(app, 'GET', '/v1/quick-replies?category=payment&lang=ar&agentLang=zh', {
      token: agent.token,
    });
    expect(ar.body.lang).toBe('ar');
    expect(ar.body.replies[0]).toMatchObject({ id: zh.body.replies[0].id, gloss: { lang: 'zh-Hans' } });
    expect(ar.body.replies[0].text).toMatch(/\p{Script=Arabic}/u);
    expect(ar.body.replies[0].gloss.text).toBe(zh.body.replies[0].text);
    const hant = await api(app, 'GET', '/v1/quick-replies?category=payment&lang=zh-TW&agentLang=zh-CN', {
      token: agent.token,
    });
    expect(hant.body.lang).toBe('zh-Hant');
    expect(hant.body.replies[0]).not.toHaveProperty('gloss');
    expect(
      (await api(app, 'GET', '/v1/quick-replies?category=nonsense', { token: agent.token })).status,
    ).toBe(400);
    const user = await createHelpRequest(app, cluster.config);
    expect(
      (await api(app, 'GET', '/v1/quick-replies?category=payment', { token: user.accessToken })).status,
    ).toBe(403);
  });
});
