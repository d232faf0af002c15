import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../core/protocol/conversations.js';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  WsClient,
} from '../support/clients.js';
import { within } from '../support/apiProcess.js';
import { deletePrefix, startCluster, type Cluster, type Instance } from '../support/cluster.js';

/** The host platform's push endpoint: what Lifeline tells it, in order. */
const notices: { type: string; requestId: string; userId: string }[] = [];
const platform = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    notices.push(JSON.parse(body) as (typeof notices)[number]);
    response.writeHead(204).end();
  });
});

let cluster: Cluster;
let a: Instance;
let b: Instance;
let db: Kysely<Database>;

beforeAll(async () => {
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  const { port } = platform.address() as AddressInfo;
  cluster = await startCluster(2, {
    ABANDON_GRACE_MS: '400',
    CALLBACK_ANSWER_MS: '1000',
    CALLBACK_RETRY_MS: '500',
    NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/lifeline`,
    NOTIFY_WEBHOOK_SECRET: 'callback-secret-for-the-test-only',
  });
  [a, b] = cluster.instances as [Instance, Instance];
  db = connectDatabase(cluster.config.database);
});
afterAll(async () => {
  await db?.destroy();
  await cluster?.close();
  platform.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end;) await sleep(25);
  expect(check()).toBe(true);
};
const noticesFor = (requestId: string, type: string) =>
  notices.filter((n) => n.requestId === requestId && n.type === type);
const callback = (instance: Instance, method: 'POST' | 'DELETE', id: string, token?: string) =>
  api(instance, method, `/v1/help-requests/${id}/callback`, { token });
const read = (instance: Instance, request: { id: string; accessToken: string }) =>
  api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
/** A counter summed over both instances, each of which counts what it swept. */
const counted = async (pattern: RegExp) => {
  const text = (
    await Promise.all(cluster.instances.map((i) => fetch(`${i.url}/metrics`).then((r) => r.text())))
  ).join('\n');
  return [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
};
const callbacksCounted = (outcome: string) =>
  counted(new RegExp(`^lifeline_callbacks_total\\{outcome="${outcome}"\\} (\\d+)`, 'gm'));
const stats = () => cluster.redis.hgetall(`${cluster.config.keyPrefix}stats`);
const historyOf = async (caseId: string) =>
  (
    await db.selectFrom('case_events').select('reason').where('case_id', '=', caseId).orderBy('id').execute()
  ).map((e) => e.reason);

/** A user's live call request who chose a callback and left: no socket, and still in the line. */
async function calledBackAndGone(language: string) {
  const sub = `user-${randomUUID()}`;
  const request = await createHelpRequest(a, cluster.config, { language }, { sub });
  const user = await WsClient.connect(b.wsUrl, request.accessToken);
  await user.next('queue.update');
  const chosen = await callback(a, 'POST', request.id, request.accessToken);
  expect(chosen).toEqual({ status: 200, body: { id: request.id, callback: 'waiting' } });
  expect((await callback(b, 'POST', request.id, request.accessToken)).body.callback).toBe('waiting');
  user.close();
  await user.closed;
  // Well past the abandon grace: a callback keeps its place without a socket.
  await sleep(900);
  expect((await read(a, request)).body).toMatchObject({ state: 'queued', position: 1 });
  return { request, sub };
}

describe('callbacks', () => {
  it('keeps the place of a user who left, reaches them by push when an agent takes it, and they answer', async () => {
    const { request, sub } = await calledBackAndGone('ka');
    const agent = await createAgent(b, cluster.config, { languages: ['ka'] });
    const agentSocket = await agentOnline(b, agent);
    agentSocket.send({ type: 'offer.accept', offerId: (await agentSocket.next('offer')).offerId });
    expect(await agentSocket.next('session.ready')).toMatchObject({ requestId: request.id, channel: 'call' });
    const calling = await agentSocket.next('message');
    expect(calling.message).toMatchObject({ role: 'system', body: 'callback.calling' });

    await until(() => noticesFor(request.id, 'callback.due').length === 1);
    expect(noticesFor(request.id, 'callback.due')[0]).toMatchObject({ userId: sub });
    expect(JSON.stringify(noticesFor(request.id, 'callback.due'))).not.toContain('payout');

    // The push opens the widget: its socket answers and hears the session with its call token.
    const user = await WsClient.connect(a.wsUrl, request.accessToken);
    expect(await user.next('session.ready')).toMatchObject({ requestId: request.id, canPublish: true });
    await sleep(1700);
    expect(noticesFor(request.id, 'callback.due')).toHaveLength(1);
    expect(await callbacksCounted('answered')).toBe(1);
    expect(await callbacksCounted('retried')).toBe(0);
    expect(agentSocket.frames.filter((f) => f.type === 'session.ready')).toHaveLength(0);
    expect(await historyOf(request.id)).toEqual(
      expect.arrayContaining(['callback_requested', 'callback_ringing', 'callback_answered']),
    );
    user.close();
    agentSocket.close();
  });

  it('retries once, then turns an unanswered callback into a conversation the user reads later', async () => {
    const { request } = await calledBackAndGone('hy');
    const agent = await createAgent(b, cluster.config, { languages: ['hy'] });
    const agentSocket = await agentOnline(b, agent);
    agentSocket.send({ type: 'offer.accept', offerId: (await agentSocket.next('offer')).offerId });
    const ready = await agentSocket.next('session.ready');
    expect(ready).toMatchObject({ channel: 'call', canPublish: true });
    await until(() => noticesFor(request.id, 'callback.due').length === 1);

    // Nobody answers: after the answer window and the retry delay the user is reached again...
    await until(() => noticesFor(request.id, 'callback.due').length === 2, 4000);
    expect(await callbacksCounted('retried')).toBe(1);
    // ...and after a second window the agent keeps the case as a written conversation.
    const written = await agentSocket.next('session.ready', () => true, 4000);
    expect(written).toMatchObject({ sessionId: ready.sessionId, channel: 'text', canPublish: false });
    expect(written).not.toHaveProperty('token');
    const missed = await agentSocket.next('message', (f) => f.message.body === 'callback.missed');
    expect(missed.message.role).toBe('system');
    expect(await callbacksCounted('missed')).toBe(1);

    const reply = await api(a, 'POST', `/v1/help-requests/${request.id}/messages`, {
      token: agent.token,
      body: { body: 'We sorted your payout; reply here whenever you like' },
    });
    expect(reply.status).toBe(201);
    await until(() => noticesFor(request.id, 'message').length === 1);

    // Later the user comes back: the conversation is there, with no call.
    const user = await WsClient.connect(a.wsUrl, request.accessToken);
    expect(await user.next('session.ready')).toMatchObject({ channel: 'text', canPublish: false });
    const lines = await api(b, 'GET', `/v1/help-requests/${request.id}/messages`, {
      token: request.accessToken,
    });
    expect((lines.body.messages as ConversationMessage[]).map((m) => `${m.role}: ${m.body}`)).toEqual([
      'system: callback.calling',
      'system: callback.missed',
      'agent: We sorted your payout; reply here whenever you like',
    ]);
    const stored = await db
      .selectFrom('cases')
      .select(['channel', 'state'])
      .where('id', '=', request.id)
      .executeTakeFirst();
    expect(stored).toEqual({ channel: 'text', state: 'assigned' });
    expect(await historyOf(request.id)).toEqual(
      expect.arrayContaining(['callback_retried', 'callback_missed']),
    );
    user.close();
    agentSocket.close();
  });

  it('counts callbacks apart from abandonment, and a withdrawn choice abandons as a call does', async () => {
    expect(await counted(/^lifeline_abandoned_total (\d+)/gm)).toBe(0);
    expect(await stats()).not.toHaveProperty('abandoned');
    const request = await createHelpRequest(a, cluster.config, { language: 'ky' });
    expect((await callback(a, 'POST', request.id, request.accessToken)).status).toBe(200);
    const withdrawn = await callback(b, 'DELETE', request.id, request.accessToken);
    expect(withdrawn).toEqual({ status: 200, body: { id: request.id, callback: 'none' } });
    expect((await callback(b, 'DELETE', request.id, request.accessToken)).body.callback).toBe('none');
    await sleep(900);
    expect((await read(a, request)).body.state).toBe('abandoned');
    expect(await counted(/^lifeline_abandoned_total (\d+)/gm)).toBe(1);
    expect(await stats()).toMatchObject({
      abandoned: '1',
      callbacksRequested: '3',
      callbacksAnswered: '1',
      callbacksRetried: '1',
      callbacksMissed: '1',
    });
    const supervisor = (await createSupervisor(b, cluster.config)).token;
    const overview = (await api(b, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    expect(overview.callbacks).toEqual({ requested: 3, answered: 1, retried: 1, missed: 1 });
    expect(overview.metrics.abandoned).toBe(1);
  });

  it('refuses a callback on a closed case with 409, and on another user’s case with 403', async () => {
    const request = await createHelpRequest(a, cluster.config, { language: 'mn' });
    const other = await createHelpRequest(
      a,
      cluster.config,
      { language: 'mn' },
      { sub: `other-${randomUUID()}` },
    );
    const agent = await createAgent(a, cluster.config, { languages: ['uz'] });

    for (const token of [other.accessToken, agent.token]) {
      const refused = await callback(b, 'POST', request.id, token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('LIFELINE_FORBIDDEN');
    }
    expect((await callback(b, 'POST', request.id)).status).toBe(401);
    const signing = new LifelineTokens(cluster.config.secrets.signing, {
      agentSeconds: 60,
      requestSeconds: 60,
    });
    const unknown = randomUUID();
    const missing = await callback(a, 'POST', unknown, await signing.signRequest(unknown, 'nobody'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('LIFELINE_NOT_FOUND');

    await api(a, 'DELETE', `/v1/help-requests/${request.id}`, { token: request.accessToken });
    for (const method of ['POST', 'DELETE'] as const) {
      const closed = await callback(b, method, request.id, request.accessToken);
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('LIFELINE_REQUEST_CLOSED');
    }
  });

  it('rings the user from the sweep when the instance that took the case died before ringing', async () => {
    const { request } = await calledBackAndGone('lv');
    const agent = await createAgent(b, cluster.config, { languages: ['lv'] });
    const agentSocket = await agentOnline(b, agent);
    const offer = await agentSocket.next('offer');
    // Only the atomic accept, as an instance that died right after it: no session, no push.
    const now = Date.now();
    const accepted = await a.app.lifeline.stores.sessionStore.acceptOffer(
      offer.offerId,
      agent.id,
      now,
      randomUUID(),
      now + cluster.config.routing.callbackAnswerMs,
    );
    expect(accepted.status).toBe('OK');
    expect(noticesFor(request.id, 'callback.due')).toEqual([]);
    await until(() => noticesFor(request.id, 'callback.due').length === 1, 4000);
    expect(await cluster.redis.hget(`${cluster.config.keyPrefix}req:${request.id}`, 'callback')).toBe(
      'ringing',
    );
  });

  // Last: it wipes Redis.
  it('keeps a waiting callback’s place when Redis lost the queue and it was rebuilt', async () => {
    const { request } = await calledBackAndGone('eu');
    const choiceOf = async () =>
      (await db.selectFrom('cases').select('callback').where('id', '=', request.id).executeTakeFirst())
        ?.callback;
    await within(3000, async () => (await choiceOf()) === 'waiting');
    await deletePrefix(cluster.redis, cluster.config.keyPrefix);
    const key = `${cluster.config.keyPrefix}req:${request.id}`;
    await within(10_000, async () => (await cluster.redis.hget(key, 'state')) === 'queued');
    expect(await cluster.redis.hget(key, 'callback')).toBe('waiting');
    // Well past the abandon grace, with no socket: still in the line.
    await sleep(900);
    expect((await read(a, request)).body).toMatchObject({ state: 'queued', position: 1 });
  });
});
