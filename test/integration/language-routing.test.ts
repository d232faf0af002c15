import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, platformToken, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/**
 * A request's language is the one its text is written in: Chinese typed in the English widget
 * reaches the agent who speaks Chinese, never the English-only one, and the agent sees both
 * languages. Text too short to tell keeps the widget's language.
 */
let cluster: Cluster;
let app: Instance;
let english: WsClient;
let chinese: WsClient;

beforeAll(async () => {
  cluster = await startCluster(1, { LANGUAGE_FROM_TEXT: 'true' });
  app = cluster.instances[0]!;
  const skills = ['account_security', 'payment'];
  english = await agentOnline(
    app,
    await createAgent(app, cluster.config, { languages: ['en'], skills, maxSessions: 5 }),
  );
  chinese = await agentOnline(
    app,
    await createAgent(app, cluster.config, { languages: ['zh'], skills, maxSessions: 5 }),
  );
}, 60_000);
afterAll(async () => {
  english?.close();
  chinese?.close();
  await cluster?.close();
});

async function ask(text: string, language: string) {
  const token = await platformToken(cluster.config);
  const reply = await api(app, 'POST', '/v1/help-requests', {
    token,
    body: { channel: 'text', language, text, assistant: false },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; accessToken: string };
}

describe('routing by the language of the text', () => {
  it('offers Chinese typed in the English widget to the Chinese-speaking agent, showing both languages', async () => {
    const request = await ask('我的账号被盗了，提现也不见了', 'en');
    const offer = await chinese.next('offer', (f) => f.request.id === request.id);
    expect(offer.request).toMatchObject({ language: 'zh-Hans', statedLanguage: 'en' });
    await english.expectNone('offer', 300);
    const view = await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
    expect(view.body).toMatchObject({
      language: 'zh-Hans',
      statedLanguage: 'en',
      urgency: { category: 'account_security' },
    });
    chinese.send({ type: 'offer.decline', offerId: offer.offerId });
  });

  it('reads Traditional Chinese typed in the English widget as Chinese too, scored like Simplified', async () => {
    const request = await ask('帳號被盜了', 'en');
    const offer = await chinese.next('offer', (f) => f.request.id === request.id);
    expect(offer.request).toMatchObject({
      language: 'zh-Hant',
      statedLanguage: 'en',
      category: 'account_security',
    });
    expect(offer.request.urgency.level).toBe('high');
    chinese.send({ type: 'offer.decline', offerId: offer.offerId });
  });

  it('keeps the widget’s language when the text is too short to tell, and when they agree', async () => {
    const short = await ask('help!!', 'zh-CN');
    const view = await api(app, 'GET', `/v1/help-requests/${short.id}`, { token: short.accessToken });
    expect(view.body.language).toBe('zh-CN');
    expect(view.body.statedLanguage).toBeUndefined();
    const agreed = await ask('my payout never arrived this month', 'en-GB');
    const agreedView = await api(app, 'GET', `/v1/help-requests/${agreed.id}`, { token: agreed.accessToken });
    expect(agreedView.body.language).toBe('en-GB');
  });
});
