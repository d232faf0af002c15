import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerCase, CustomerReply } from '../../core/protocol/crm.js';
import { ProfileRepository } from '../../platform/db/ProfileRepository.js';
import type { Database } from '../../platform/db/schema.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  type TestAgent,
  WsClient,
} from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/**
 * The agent's view of the user (CRM), GET /v1/help-requests/:id/customer, told as one user's story:
 * a video call wrapped up and rated, then a text request on another channel, served and closed.
 */
let cluster: Cluster;
let instance: Instance;
let agent: TestAgent;
let agentSocket: WsClient;
let bystander: TestAgent;
let supervisor: TestAgent;
const user = { sub: `crm-${randomUUID()}`, tier: 'creator', name: 'Casey Creator' };
let first: { id: string; accessToken: string };
let second: { id: string; accessToken: string };
const sockets: WsClient[] = [];

const LINES = [
  { by: 'user', body: 'My payout for March never arrived', internal: false },
  { by: 'agent', body: 'I can see it bounced, sending it again now', internal: false },
  { by: 'agent', body: 'Bank rejected it once; watch for repeats', internal: true },
  { by: 'user', body: 'It is there now, thank you', internal: false },
] as const;

const customerOf = (id: string, token?: string) =>
  api(instance, 'GET', `/v1/help-requests/${id}/customer`, token ? { token } : {});

/** Asks as the user, keeps their socket open, and waits for the offer to reach the agent. */
async function ask(body: Record<string, unknown>) {
  const request = await createHelpRequest(instance, cluster.config, { language: 'nl', ...body }, user);
  sockets.push(await WsClient.connect(instance.wsUrl, request.accessToken));
  const offer = await agentSocket.next('offer', (f) => f.request.id === request.id, 10_000);
  return { request, offer };
}

async function accept(offerId: string, requestId: string) {
  agentSocket.send({ type: 'offer.accept', offerId });
  return agentSocket.next('session.ready', (f) => f.requestId === requestId, 10_000);
}

async function endSession(sessionId: string, wrapUp: { outcome?: string; note?: string } = {}) {
  agentSocket.send({ type: 'session.end', sessionId, ...wrapUp });
  await agentSocket.next('session.ended', (f) => f.sessionId === sessionId, 10_000);
}

beforeAll(async () => {
  cluster = await startCluster(1, { OFFER_TIMEOUT_MS: '60000' });
  instance = cluster.instances[0]!;
  const skills = ['payment', 'technical'];
  agent = await createAgent(instance, cluster.config, { name: 'Ada Agent', languages: ['nl'], skills });
  // Could serve the same user, but is on none of their requests: signed in, never online.
  bystander = await createAgent(instance, cluster.config, {
    name: 'Bo Bystander',
    languages: ['nl'],
    skills,
  });
  supervisor = await createSupervisor(instance, cluster.config);
  agentSocket = await agentOnline(instance, agent);

  // The first contact: a video call, a conversation with an internal note, wrap-up and rating.
  const call = await ask({ channel: 'call', media: 'video', text: 'my payout is missing' });
  first = call.request;
  const ready = await accept(call.offer.offerId, first.id);
  for (const line of LINES) {
    const token = line.by === 'user' ? first.accessToken : agent.token;
    const posted = await api(instance, 'POST', `/v1/help-requests/${first.id}/messages`, {
      token,
      body: { body: line.body, ...(line.internal ? { internal: true } : {}) },
    });
    expect(posted.status).toBe(201);
  }
  await endSession(ready.sessionId, { outcome: 'resolved', note: 'Payout re-sent to a new bank account' });
  const rated = await api(instance, 'POST', `/v1/help-requests/${first.id}/rating`, {
    token: first.accessToken,
    body: { stars: 4 },
  });
  expect(rated.status).toBe(204);
}, 60_000);

afterAll(async () => {
  for (const socket of [...sockets, agentSocket]) socket?.close();
  await cluster?.close();
});

describe("the agent's view of the user", () => {
  it('is in the OpenAPI document under agents, described, with its refusals', async () => {
    const spec = (await api(instance, 'GET', '/docs/json')).body;
    const route = spec.paths['/v1/help-requests/{id}/customer'].get;
    expect(route.tags).toEqual(['agents']);
    expect(route.description).toMatch(/internal notes included/);
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
  });

  it('shows the agent offered a second request, on another channel, the profile and the first case', async () => {
    const text = await ask({ channel: 'text', media: undefined, text: 'how do I change my stream key?' });
    second = text.request;
    const offered = await customerOf(second.id, agent.token);
    expect(offered.status).toBe(200);
    expect(offered.body.cases.map((c: CustomerCase) => [c.id, c.channel, c.calls.length])).toEqual([
      [second.id, 'text', 0],
      [first.id, 'call', 1],
    ]);
    await accept(text.offer.offerId, second.id);
  });

  it('shows the serving agent the profile and both cases with calls, wrap-up, rating and the conversation in order', async () => {
    const reply = await customerOf(second.id, agent.token);
    expect(reply.status).toBe(200);
    const { profile, cases } = reply.body as CustomerReply;
    expect(profile).toMatchObject({ platformUserId: user.sub, name: 'Casey Creator', tier: 'creator' });
    expect(profile.languages).toEqual(['nl']);
    expect(Date.parse(profile.firstSeenAt)).toBeLessThan(Date.parse(profile.lastSeenAt));

    const [open, closed] = cases as [CustomerCase, CustomerCase];
    expect(open).toMatchObject({ id: second.id, channel: 'text', state: 'assigned', messageCount: 0 });
    expect(open.text).toBe('how do I change my stream key?');
    expect(open.endedAt).toBeUndefined();
    expect(open.calls).toHaveLength(1);
    expect(open.calls[0]).toMatchObject({ agentId: agent.id, agentName: 'Ada Agent' });
    expect(open.calls[0]!.endedAt).toBeUndefined();
    expect(open.calls[0]!.outcome).toBeUndefined();

    expect(closed).toMatchObject({ id: first.id, channel: 'call', state: 'ended', messageCount: 4 });
    expect(Date.parse(closed.endedAt!)).not.toBeNaN();
    expect(closed.calls).toEqual([
      expect.objectContaining({
        agentId: agent.id,
        agentName: 'Ada Agent',
        outcome: 'resolved',
        note: 'Payout re-sent to a new bank account',
        rating: 4,
      }),
    ]);
    expect(Date.parse(closed.calls[0]!.endedAt!)).toBeGreaterThanOrEqual(
      Date.parse(closed.calls[0]!.startedAt),
    );
    // The whole conversation, oldest first, the internal note in its place, each line named.
    expect(closed.messages.map((m) => [m.role, m.internal, m.body, m.authorName])).toEqual(
      LINES.map((line) => [
        line.by,
        line.internal,
        line.body,
        line.by === 'user' ? 'Casey Creator' : 'Ada Agent',
      ]),
    );
    expect(closed.messages.every((m) => m.requestId === first.id)).toBe(true);
  });

  it('refuses everyone else: a bystander agent and the user (403), no token (401), an unknown case (404)', async () => {
    for (const id of [first.id, second.id]) {
      const refused = await customerOf(id, bystander.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('LIFELINE_FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain(user.sub);
    }
    for (const token of [second.accessToken, first.accessToken]) {
      const byUser = await customerOf(second.id, token);
      expect(byUser.status).toBe(403);
      expect(byUser.body.error.code).toBe('LIFELINE_FORBIDDEN');
      expect(JSON.stringify(byUser.body)).not.toContain(user.sub);
    }
    expect((await customerOf(second.id)).status).toBe(401);
    for (const token of [agent.token, supervisor.token]) {
      const unknown = await customerOf(randomUUID(), token);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('LIFELINE_NOT_FOUND');
    }
  });

  it('shows a supervisor the user once the case is closed, even after its hot record is gone', async () => {
    const live = await customerOf(second.id, agent.token);
    const sessionId = live.body.cases[0].calls[0].sessionId as string;
    await endSession(sessionId, { outcome: 'no_issue' });

    const reply = await customerOf(second.id, supervisor.token);
    expect(reply.status).toBe(200);
    expect(reply.body.profile.platformUserId).toBe(user.sub);
    expect(reply.body.cases.map((c: CustomerCase) => [c.id, c.state, c.calls[0]?.outcome])).toEqual([
      [second.id, 'ended', 'no_issue'],
      [first.id, 'ended', 'resolved'],
    ]);

    // Redis keeps a closed request only for REQUEST_RETENTION_SECONDS; PostgreSQL keeps the case.
    await instance.app.lifeline.stores.queue.forget([first.id]);
    const later = await customerOf(first.id, supervisor.token);
    expect(later.status).toBe(200);
    expect(later.body.cases[1].messages).toHaveLength(LINES.length);
  });

  it('reads the user in a fixed number of queries, however many cases and lines, and cuts long conversations to their latest lines', async () => {
    let queries = 0;
    const { databaseUrl, databaseSchema } = cluster.config.database;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${databaseSchema}` }),
      }),
      log: (event) => {
        if (event.level === 'query') queries += 1;
      },
    });
    try {
      const profiles = new ProfileRepository(db);
      const whole = await profiles.customer(user.sub, { cases: 20, messagesPerCase: 200 });
      expect(whole?.cases).toHaveLength(2);
      expect(queries).toBe(4);

      const cut = await profiles.customer(user.sub, { cases: 2, messagesPerCase: 2 });
      expect(cut?.cases[1]?.messages.map((m) => m.body)).toEqual(LINES.slice(2).map((l) => l.body));
      expect(cut?.cases[1]?.messageCount).toBe(LINES.length);
      expect((await profiles.customer(user.sub, { cases: 1, messagesPerCase: 2 }))?.cases).toHaveLength(1);
      expect(await profiles.customer(`nobody-${randomUUID()}`, { cases: 20, messagesPerCase: 2 })).toBeNull();
    } finally {
      await db.destroy();
    }
  });
});
