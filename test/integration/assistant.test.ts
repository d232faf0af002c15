import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import {
  agentOnline,
  api,
  createAgent,
  createSupervisor,
  platformToken,
  WsClient,
  type TestAgent,
} from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/**
 * The assistant at the front door of text conversations, on two API instances sharing Redis and
 * PostgreSQL: it answers from the knowledge base, closes a case the user says it solved, and
 * steps aside for a person when asked, when it matters, or when it cannot help, never speaking
 * after the handoff. One article is answered per turn here (ASSISTANT_MAX_ARTICLES=1), so a
 * "did not help" has another to give.
 */
let cluster: Cluster;
let first: Instance;
let second: Instance;
let db: Kysely<Database>;
let supervisor: TestAgent;
/** One agent per test language keeps offers to the test that expects them. */
const agents = new Map<string, { socket: WsClient; token: string }>();

const ARTICLES = [
  [
    'Turn on two-step verification',
    'Open Settings, then Security, and turn on two-step verification with an authenticator app.',
    'account_security',
    ['2fa'],
  ],
  [
    'Two-step verification codes not arriving',
    'If two-step verification codes do not arrive, check the time on your phone and use a backup code.',
    'account_security',
    ['2fa'],
  ],
  [
    'Reset a forgotten password',
    'Tap "Forgot password" on the login screen and follow the link we email you to reset your password.',
    'account_security',
    ['password'],
  ],
] as const;

type Answer = 'solved' | 'not_helped' | 'human';

async function ask(text: string, options: { tier?: string; lang?: string; assistant?: boolean } = {}) {
  const token = await platformToken(cluster.config, {
    sub: `user-${randomUUID()}`,
    tier: options.tier ?? 'regular',
  });
  const body = {
    channel: 'text',
    language: options.lang ?? 'en',
    text,
    ...(options.assistant === false ? { assistant: false } : {}),
  };
  const reply = await api(first, 'POST', '/v1/help-requests', { token, body });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; accessToken: string; state: string; position: number };
}

const answer = (request: { id: string; accessToken: string }, value: Answer, on = first) =>
  api(on, 'POST', `/v1/help-requests/${request.id}/assistant`, {
    token: request.accessToken,
    body: { answer: value },
  });

const say = (request: { id: string; accessToken: string }, body: string, on = first) =>
  api(on, 'POST', `/v1/help-requests/${request.id}/messages`, { token: request.accessToken, body: { body } });

async function lines(request: { id: string; accessToken: string }) {
  const reply = await api(first, 'GET', `/v1/help-requests/${request.id}/messages`, {
    token: request.accessToken,
  });
  expect(reply.status).toBe(200);
  return reply.body.messages as { role: string; body: string; articles?: { id: string; title: string }[] }[];
}

async function agentFor(language: string): Promise<{ socket: WsClient; token: string }> {
  const existing = agents.get(language);
  if (existing) return existing;
  const agent = await createAgent(second, cluster.config, {
    languages: [language],
    skills: ['account_security', 'payment', 'technical'],
    maxSessions: 20,
  });
  const online = { socket: await agentOnline(second, agent), token: agent.token };
  agents.set(language, online);
  return online;
}

const caseEvents = (id: string) =>
  db
    .selectFrom('case_events')
    .select(['state', 'reason'])
    .where('case_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  cluster = await startCluster(2, { ASSISTANT_MAX_ARTICLES: '1' });
  [first, second] = cluster.instances as [Instance, Instance];
  db = connectDatabase(cluster.config.database);
  supervisor = await createSupervisor(first, cluster.config);
  for (const [title, body, category, tags] of ARTICLES) {
    const created = await api(first, 'POST', '/v1/admin/kb/articles', {
      token: cluster.config.secrets.admin,
      body: { title, body, category, tags, language: 'en' },
    });
    expect(created.status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  for (const { socket } of agents.values()) socket.close();
  await db?.destroy();
  await cluster?.close();
});

describe('an answer that solves it', () => {
  it('holds the request out of the line, answers with the article, and closes it as self-served on "solved"', async () => {
    const { socket: watching } = await agentFor('en');
    const request = await ask('how do I turn on two-step verification?');
    expect(request).toMatchObject({ state: 'assistant', position: 0 });
    const [line] = await lines(request);
    expect(line).toMatchObject({ role: 'assistant', articles: [{ title: 'Turn on two-step verification' }] });
    expect(line!.body).toContain('**Turn on two-step verification**');

    const solved = await answer(request, 'solved', second);
    expect(solved).toEqual({ status: 200, body: { state: 'self_served' } });
    expect((await answer(request, 'solved')).body).toEqual({ state: 'self_served' });
    const view = await api(first, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
    expect(view.body.state).toBe('self_served');
    expect(await caseEvents(request.id)).toEqual([
      { state: 'assistant', reason: 'created' },
      { state: 'self_served', reason: 'solved_by_article' },
    ]);
    // Nobody was offered it, and the user may ask again at once: the case is closed for them.
    expect(watching.frames.some((f) => f.type === 'offer' && f.request.id === request.id)).toBe(false);
    const overview = await api(first, 'GET', '/v1/supervisor/overview', { token: supervisor.token });
    expect(overview.body.assistant.selfServed).toBeGreaterThanOrEqual(1);
    const metrics = await api(second, 'GET', '/metrics');
    expect(metrics.body).toMatch(/lifeline_assistant_deflections_total 1/);
  });
});

describe('a handoff by request', () => {
  it('goes to a person at once from the button, with its reason on the offer and the transcript for the agent', async () => {
    const { socket: agent, token } = await agentFor('en');
    const request = await ask('my two-step verification codes never arrive');
    expect(request.state).toBe('assistant');
    const handed = await answer(request, 'human');
    expect(handed.body).toEqual({ state: 'queued', handoffReason: 'asked_for_human' });
    const offer = await agent.next('offer', (f) => f.request.id === request.id);
    expect(offer.request.handoffReason).toBe('asked_for_human');
    agent.send({ type: 'offer.accept', offerId: offer.offerId });
    await agent.next('session.ready', (f) => f.requestId === request.id);
    const transcript = await api(second, 'GET', `/v1/help-requests/${request.id}/messages`, { token });
    const roles = transcript.body.messages.map((m: { role: string }) => m.role);
    expect(roles).toEqual(['assistant', 'assistant']);
    expect(transcript.body.messages[0].articles[0].title).toBe('Two-step verification codes not arriving');
    expect((await caseEvents(request.id)).map((e) => e.reason)).toContain('handoff_asked_for_human');
  });

  it('hands over when the user writes that they want a person, in any supported language', async () => {
    for (const text of ['can I talk to a real person please', '我要转人工', 'quiero hablar con un agente']) {
      const request = await ask('how do I reset a forgotten password');
      expect(request.state).toBe('assistant');
      expect((await say(request, text)).status).toBe(201);
      const view = await api(first, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
      expect(view.body).toMatchObject({ handoffReason: 'asked_for_human' });
      expect(['queued', 'offered', 'assigned']).toContain(view.body.state);
    }
  });

  it('hands over after "did not help" twice, answering once more in between with an article not given yet', async () => {
    const request = await ask('two-step verification');
    const shown = (await lines(request))[0]!.articles![0]!.id;
    const again = await answer(request, 'not_helped');
    expect(again.body).toEqual({ state: 'assistant', answered: true });
    const second_ = (await lines(request))[1]!;
    expect(second_.role).toBe('assistant');
    expect(second_.articles![0]!.id).not.toBe(shown);
    expect((await answer(request, 'not_helped')).body).toEqual({
      state: 'queued',
      handoffReason: 'not_helped_twice',
    });
  });
});

describe('a handoff by urgency', () => {
  it('never holds a critical request: it is offered at once, with no assistant line', async () => {
    const { socket: agent } = await agentFor('en');
    const request = await ask(
      'someone hacked my account right now and is changing my password, two-step verification is off',
    );
    expect(request.state).not.toBe('assistant');
    const offer = await agent.next('offer', (f) => f.request.id === request.id);
    expect(offer.request.urgency.level).toBe('critical');
    expect(offer.request.handoffReason).toBe('urgent');
    expect(await lines(request)).toEqual([]);
  });

  it('never holds a creator’s high-urgency request', async () => {
    const request = await ask('my account was hacked and I cannot log in, how do I reset my password', {
      tier: 'creator',
    });
    expect(request.state).not.toBe('assistant');
  });

  it('hands over when a later line makes the case urgent, and the case keeps the higher urgency', async () => {
    const request = await ask('how do I reset a forgotten password');
    expect(request.state).toBe('assistant');
    await say(
      request,
      'wait, someone is logged in right now and changing my email, my account is being hacked',
    );
    const view = await api(first, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
    expect(view.body).toMatchObject({ handoffReason: 'urgent', urgency: { level: 'critical' } });
  });
});

describe('nothing from the assistant after a handoff', () => {
  it('stays silent on later lines once a person has the case', async () => {
    const request = await ask('how do I reset a forgotten password');
    await answer(request, 'human');
    await say(request, 'hello? also how do I turn on two-step verification');
    await say(request, 'reset password two-step verification');
    const after = await lines(request);
    expect(after.map((m) => m.role)).toEqual(['assistant', 'assistant', 'user', 'user']);
  });

  it('never stores an assistant line after the handoff, however a user line and a handoff race on two instances', async () => {
    for (let round = 0; round < 8; round += 1) {
      const request = await ask('two-step verification');
      await Promise.all([
        answer(request, round % 2 ? 'human' : 'not_helped', first),
        say(request, round % 2 ? 'two-step verification codes' : 'I want a human agent', second),
        answer(request, 'not_helped', second),
      ]);
      const all = await lines(request);
      const handover = all.findIndex(
        (m) => m.role === 'assistant' && m.body.includes('passing you to a person'),
      );
      expect(handover).toBeGreaterThanOrEqual(0);
      expect(all.slice(handover + 1).filter((m) => m.role === 'assistant')).toEqual([]);
    }
  });
});

describe('bad input and rights', () => {
  it('refuses an unknown answer, another user’s token and an agent', async () => {
    const request = await ask('how do I reset a forgotten password');
    const bad = await api(first, 'POST', `/v1/help-requests/${request.id}/assistant`, {
      token: request.accessToken,
      body: { answer: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('LIFELINE_VALIDATION');
    const other = await ask('how do I turn on two-step verification?');
    const foreign = await api(first, 'POST', `/v1/help-requests/${request.id}/assistant`, {
      token: other.accessToken,
      body: { answer: 'solved' },
    });
    expect(foreign.status).toBe(403);
    const { token } = await agentFor('en');
    expect(
      (
        await api(first, 'POST', `/v1/help-requests/${request.id}/assistant`, {
          token,
          body: { answer: 'solved' },
        })
      ).status,
    ).toBe(403);
  });

  it('sends a request straight to a person when the user opts out', async () => {
    const request = await ask('how do I turn on two-step verification?', { assistant: false });
    expect(request.state).not.toBe('assistant');
  });
});
