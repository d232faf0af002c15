import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  type TestAgent,
} from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/** The knowledge base: written by the admin token or a supervisor, searched by anyone, in PostgreSQL. */
let cluster: Cluster;
let app: Instance;
let supervisor: TestAgent;

const ARTICLES = [
  {
    title: 'Turn on two-step verification',
    body: '1. Open **Settings → Security**.\n2. Choose *Two-step verification* and scan the code with an authenticator app.',
    language: 'en',
    category: 'account_security',
    tags: ['2fa', 'security'],
  },
  {
    title: 'When creators get paid',
    body: 'Payouts are sent on the 15th of each month once your balance is over the minimum.',
    language: 'en',
    category: 'payment',
    tags: ['payout'],
  },
  {
    title: '账号被盗了怎么办',
    body: '请立即修改密码，开启两步验证，然后联系客服提供最近的登录记录。',
    language: 'zh',
    category: 'account_security',
    tags: ['账号', '被盗'],
  },
  {
    title: '提现什么时候到账',
    body: '创作者的收益每月十五日结算，余额超过最低金额后自动提现。',
    language: 'zh',
    category: 'payment',
    tags: ['提现'],
  },
];

const admin = () => cluster.config.secrets.admin;
const write = (method: string, path: string, body?: unknown, token = admin()) =>
  api(app, method, path, { token, body });
const search = (q: string, lang?: string) =>
  api(app, 'GET', `/v1/kb/search?q=${encodeURIComponent(q)}${lang ? `&lang=${lang}` : ''}`);

beforeAll(async () => {
  cluster = await startCluster(1);
  app = cluster.instances[0]!;
  supervisor = await createSupervisor(app, cluster.config);
  for (const article of ARTICLES)
    expect((await write('POST', '/v1/admin/kb/articles', article)).status).toBe(201);
}, 60_000);
afterAll(() => cluster.close());

describe('knowledge base', () => {
  it('finds the article that answers a question in the asker’s own words, in English and in Chinese', async () => {
    const english = await search('how do I turn on 2 step verification for my login', 'en');
    expect(english.status).toBe(200);
    expect(english.body.results[0]).toMatchObject({ title: 'Turn on two-step verification', language: 'en' });
    expect(english.body.results[0].score).toBeGreaterThan(0);
    expect(english.body.results[0].snippet).not.toContain('**');
    expect((await search('when do i get paid my payout', 'en')).body.results[0].title).toBe(
      'When creators get paid',
    );

    const chinese = await search('我的账号被盗了，怎么办', 'zh');
    expect(chinese.body.results[0]).toMatchObject({ title: '账号被盗了怎么办', language: 'zh' });
    expect((await search('提现多久到账', 'zh-Hans-CN')).body.results[0].title).toBe('提现什么时候到账');
    // The language filter: no English article answers in Chinese.
    expect((await search('two-step verification', 'zh')).body.results).toEqual([]);
  });

  it('lets the admin token or a supervisor write it, and refuses everyone else and bad articles with codes', async () => {
    const agent = await createAgent(app, cluster.config);
    expect((await write('POST', '/v1/admin/kb/articles', ARTICLES[0], agent.token)).status).toBe(403);
    expect((await api(app, 'POST', '/v1/admin/kb/articles', { body: ARTICLES[0] })).status).toBe(401);
    const bad = [
      { ...ARTICLES[0], title: 'x'.repeat(201) },
      { ...ARTICLES[0], body: '' },
      { ...ARTICLES[0], category: 'gossip' },
      { ...ARTICLES[0], tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { ...ARTICLES[0], html: '<script>' },
    ];
    for (const body of bad) {
      const reply = await write('POST', '/v1/admin/kb/articles', body, supervisor.token);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('LIFELINE_VALIDATION');
    }
    const query = await search('x'.repeat(501));
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('LIFELINE_VALIDATION');
    expect((await api(app, 'GET', '/v1/kb/search')).status).toBe(400);
    expect(await search('?? !! ...')).toMatchObject({ status: 200, body: { results: [] } });
  });

  it('reads, changes, unpublishes and deletes an article', async () => {
    const created = await write(
      'POST',
      '/v1/admin/kb/articles',
      {
        title: 'Live-stream requirements',
        body: 'You need 1,000 followers and a stable connection to go live.',
        language: 'en',
        category: 'technical',
      },
      supervisor.token,
    );
    const path = `/v1/admin/kb/articles/${created.body.id}`;
    expect((await write('GET', path)).body).toMatchObject({
      title: 'Live-stream requirements',
      published: true,
      tags: [],
    });
    expect((await search('how many followers to go live', 'en')).body.results[0].id).toBe(created.body.id);

    const hidden = await write('PUT', path, {
      title: 'Live-stream requirements',
      body: 'You need 1,000 followers and a stable connection to go live.',
      language: 'en',
      category: 'technical',
      published: false,
    });
    expect(hidden.body.published).toBe(false);
    expect(
      (await search('how many followers to go live', 'en')).body.results.map((r: { id: string }) => r.id),
    ).not.toContain(created.body.id);
    expect((await api(app, 'GET', `/v1/kb/articles/${created.body.id}`)).status).toBe(404);

    expect((await write('DELETE', path)).status).toBe(204);
    expect((await write('GET', path)).status).toBe(404);
    expect((await write('DELETE', path)).status).toBe(404);
    expect((await write('PUT', path, ARTICLES[0])).status).toBe(404);
    const listed = await write('GET', '/v1/admin/kb/articles?lang=zh');
    expect(listed.body.articles.map((a: { title: string }) => a.title).sort()).toEqual([
      '提现什么时候到账',
      '账号被盗了怎么办',
    ]);
  });

  it('suggests to the agent on a case the articles that match what the user said, in their language', async () => {
    const agent = await createAgent(app, cluster.config, { languages: ['zh'], skills: ['account_security'] });
    const socket = await agentOnline(app, agent);
    try {
      const request = await createHelpRequest(app, cluster.config, {
        channel: 'text',
        language: 'zh',
        category: 'account_security',
        text: '我的账号被盗了',
        // Straight to a person: this suite is about what the agent is offered, not the assistant.
        assistant: false,
      });
      const offer = await socket.next('offer', (f) => f.request.id === request.id);
      socket.send({ type: 'offer.accept', offerId: offer.offerId });
      await socket.next('session.ready');
      const path = `/v1/help-requests/${request.id}/messages`;
      expect(
        (await api(app, 'POST', path, { token: request.accessToken, body: { body: '还有提现多久到账' } }))
          .status,
      ).toBe(201);

      const suggested = await api(app, 'GET', `/v1/help-requests/${request.id}/suggestions`, {
        token: agent.token,
      });
      expect(suggested.status).toBe(200);
      expect(suggested.body.language).toBe('zh');
      expect(suggested.body.articles.map((a: { title: string }) => a.title)).toEqual(
        expect.arrayContaining(['账号被盗了怎么办', '提现什么时候到账']),
      );
      expect(suggested.body.replies.length).toBeGreaterThan(0);
      expect(suggested.body.replies[0]).not.toHaveProperty('gloss');
      const glossed = await api(app, 'GET', `/v1/help-requests/${request.id}/suggestions?agentLang=en`, {
        token: agent.token,
      });
      expect(glossed.body.replies[0]).toMatchObject({
        text: suggested.body.replies[0].text,
        gloss: { lang: 'en', title: 'Securing the account' },
      });

      const bystander = await createAgent(app, cluster.config, { languages: ['zh'] });
      for (const token of [bystander.token, request.accessToken])
        expect((await api(app, 'GET', `/v1/help-requests/${request.id}/suggestions`, { token })).status).toBe(
          403,
        );
    } finally {
      socket.close();
    }
  });
});
