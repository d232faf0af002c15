import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../core/protocol/conversations.js';
import { MAX_MESSAGE_LENGTH } from '../../core/protocol/vocabulary.js';
import { connectDatabase } from '../../platform/db/database.js';
import {
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  type Endpoint,
  type TestAgent,
  WsClient,
} from '../support/clients.js';
import { startCluster, startInstance, type Cluster, type Instance } from '../support/cluster.js';
import { offeredConversation } from '../support/conversations.js';
import { loadConfig } from '../../server/config/load.js';

/**
 * One conversation per help request over REST and the `message` frame, across two instances:
 * who may take part, internal notes, coded refusals, and chat during a call kept in PostgreSQL.
 */
let cluster: Cluster;
let a: Instance;
let b: Instance;
let supervisor: TestAgent;

const messagesOf = (instance: Endpoint, id: string, token: string, query = '') =>
  api(instance, 'GET', `/v1/help-requests/${id}/messages${query}`, { token });
const post = (instance: Endpoint, id: string, token: string, body: unknown) =>
  api(instance, 'POST', `/v1/help-requests/${id}/messages`, { token, body });
/** A waiting request on A (its user's socket open) offered to a fresh agent on B. */
const offeredRequest = (language: string, channel: 'call' | 'text' = 'text') =>
  offeredConversation(cluster.config, a, b, language, channel);
const bodies = (messages: ConversationMessage[]) => messages.map((m) => m.body);

beforeAll(async () => {
  cluster = await startCluster(2, { OFFER_TIMEOUT_MS: '60000' });
  [a, b] = cluster.instances as [Instance, Instance];
  supervisor = await createSupervisor(a, cluster.config);
});
afterAll(() => cluster?.close());

describe('one conversation per help request', () => {
  it('is in the OpenAPI document: GET and POST /v1/help-requests/{id}/messages, described and coded', async () => {
    const spec = (await api(a, 'GET', '/docs/json')).body;
    const path = spec.paths['/v1/help-requests/{id}/messages'];
    expect(path.get.tags).toEqual(['conversations']);
    expect(path.get.description).toMatch(/internal notes/);
    expect(Object.keys(path.get.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(path.post.description).toMatch(/internal notes/);
    expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '404']));
    expect(path.post.requestBody.content['application/json'].schema.properties.body).toMatchObject({
      minLength: 1,
      maxLength: MAX_MESSAGE_LENGTH,
    });
  });

  it('carries user ↔ agent lines over REST and WebSocket to the other side, across instances', async () => {
    const { agent, agentSocket, request, userSocket } = await offeredRequest('fi');
    // A second tab of the same agent, on the other instance: it sees what the first one writes.
    const agentTab = await WsClient.connect(a.wsUrl, agent.token);

    userSocket.send({ type: 'message', body: '  hello, is anyone there?  ', ref: 'u1' });
    await userSocket.next('ack', (f) => f.ref === 'u1');
    const heard = await agentSocket.next('message');
    expect(heard).toMatchObject({
      requestId: request.id,
      message: { requestId: request.id, role: 'user', internal: false, body: 'hello, is anyone there?' },
    });
    expect(Date.parse(heard.message.createdAt)).not.toBeNaN();
    expect((await userSocket.next('message')).message.id).toBe(heard.message.id);

    const replied = await post(b, request.id, agent.token, { body: 'Hi, I am looking at it now' });
    expect(replied.status).toBe(201);
    expect(replied.body).toMatchObject({ role: 'agent', authorName: 'Ada Agent', internal: false });
    expect((await userSocket.next('message')).message).toEqual(replied.body);
    // Every socket of the agent hears the user too; this one also hears what its other tab wrote.
    expect((await agentTab.next('message')).message.id).toBe(heard.message.id);
    expect((await agentTab.next('message')).message.id).toBe(replied.body.id);

    agentSocket.send({ type: 'message', requestId: request.id, body: 'Which account?', ref: 'a1' });
    await agentSocket.next('ack', (f) => f.ref === 'a1');
    expect((await userSocket.next('message')).message.body).toBe('Which account?');

    const byUser = await messagesOf(a, request.id, request.accessToken);
    expect(byUser.status).toBe(200);
    expect(bodies(byUser.body.messages)).toEqual([
      'hello, is anyone there?',
      'Hi, I am looking at it now',
      'Which account?',
    ]);
    expect(byUser.body.messages.map((m: ConversationMessage) => m.role)).toEqual(['user', 'agent', 'agent']);
    for (const socket of [agentSocket, agentTab, userSocket]) socket.close();
  });

  it('keeps internal notes among agents and supervisors: the user never reads or receives one', async () => {
    const { agent, agentSocket, request, userSocket } = await offeredRequest('sv');
    const supervisorSocket = await WsClient.connect(b.wsUrl, supervisor.token);

    agentSocket.send({
      type: 'message',
      requestId: request.id,
      body: 'VIP, check payouts first',
      internal: true,
      ref: 'n1',
    });
    await agentSocket.next('ack', (f) => f.ref === 'n1');
    expect((await agentSocket.next('message')).message).toMatchObject({ internal: true, role: 'agent' });
    const fromSupervisor = await post(a, request.id, supervisor.token, {
      body: 'Agreed, escalate if over 500',
      internal: true,
    });
    expect(fromSupervisor.status).toBe(201);
    expect(fromSupervisor.body).toMatchObject({ internal: true, authorName: 'Sam Supervisor' });
    expect((await agentSocket.next('message')).message.id).toBe(fromSupervisor.body.id);
    expect((await supervisorSocket.next('message')).message.id).toBe(fromSupervisor.body.id);
    expect((await post(a, request.id, agent.token, { body: 'We are on it' })).status).toBe(201);
    expect((await userSocket.next('message')).message.body).toBe('We are on it');

    await userSocket.expectNone('message', 300);
    const byUser = await messagesOf(a, request.id, request.accessToken);
    expect(bodies(byUser.body.messages)).toEqual(['We are on it']);
    for (const reader of [agent, supervisor]) {
      const all = await messagesOf(b, request.id, reader.token);
      expect(bodies(all.body.messages)).toEqual([
        'VIP, check payouts first',
        'Agreed, escalate if over 500',
        'We are on it',
      ]);
      expect(all.body.messages.map((m: ConversationMessage) => m.internal)).toEqual([true, true, false]);
    }
    for (const socket of [agentSocket, userSocket, supervisorSocket]) socket.close();
  });

  it('refuses bystanders, users’ internal notes, blank or oversized bodies and unknown requests, coded', async () => {
    const { agentSocket, request, userSocket } = await offeredRequest('da');
    const bystander = await createAgent(a, cluster.config, { languages: ['da'] });
    const other = await createHelpRequest(a, cluster.config, { channel: 'text', language: 'nl', text: 'hi' });
    const code = (reply: { body: { error?: { code: string } } }) => reply.body.error?.code;

    for (const refused of [
      await messagesOf(a, request.id, bystander.token),
      await post(a, request.id, bystander.token, { body: 'let me in' }),
      await post(a, request.id, request.accessToken, { body: 'secret', internal: true }),
      await messagesOf(a, request.id, other.accessToken),
      await post(a, request.id, other.accessToken, { body: 'not my request' }),
    ]) {
      expect(refused.status).toBe(403);
      expect(code(refused)).toBe('LIFELINE_FORBIDDEN');
    }
    const bystanderSocket = await WsClient.connect(a.wsUrl, bystander.token);
    bystanderSocket.send({ type: 'message', requestId: request.id, body: 'psst', ref: 'b1' });
    expect(await bystanderSocket.next('error', (f) => f.ref === 'b1')).toMatchObject({
      code: 'LIFELINE_FORBIDDEN',
    });
    userSocket.send({ type: 'message', body: 'note to self', internal: true, ref: 'u1' });
    expect((await userSocket.next('error', (f) => f.ref === 'u1')).code).toBe('LIFELINE_FORBIDDEN');
    userSocket.send({ type: 'message', requestId: other.id, body: 'wrong request', ref: 'u2' });
    expect((await userSocket.next('error', (f) => f.ref === 'u2')).code).toBe('LIFELINE_FORBIDDEN');

    for (const body of [
      { body: '' },
      { body: '   \n ' },
      { body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) },
      { body: 'hi', author: 'someone else' },
      {},
    ]) {
      const refused = await post(b, request.id, request.accessToken, body);
      expect(refused.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(code(refused)).toBe('LIFELINE_VALIDATION');
    }
    expect(
      (await post(b, request.id, request.accessToken, { body: 'x'.repeat(MAX_MESSAGE_LENGTH) })).status,
    ).toBe(201);
    userSocket.send({ type: 'message', body: '  ', ref: 'u3' });
    expect((await userSocket.next('error', (f) => f.ref === 'u3')).code).toBe('LIFELINE_VALIDATION');
    agentSocket.send({ type: 'message', body: 'which request?', ref: 'a1' });
    expect((await agentSocket.next('error', (f) => f.ref === 'a1')).code).toBe('LIFELINE_VALIDATION');

    const unknown = randomUUID();
    for (const missing of [
      await messagesOf(a, unknown, supervisor.token),
      await post(a, unknown, supervisor.token, { body: 'anyone?' }),
    ]) {
      expect(missing.status).toBe(404);
      expect(code(missing)).toBe('LIFELINE_NOT_FOUND');
    }
    // One more instance of the same deployment, with a low posting limit: a flood is a coded 429.
    const strict = await startInstance(loadConfig({ ...cluster.env, RATE_LIMIT_MESSAGES_PER_MINUTE: '2' }));
    const flooder = await createHelpRequest(a, cluster.config, {
      channel: 'text',
      language: 'nl',
      text: 'hi',
    });
    try {
      const replies = [];
      for (let i = 0; i < 3; i += 1)
        replies.push(await post(strict, flooder.id, flooder.accessToken, { body: `flood ${i}` }));
      expect(replies.map((r) => r.status)).toEqual([201, 201, 429]);
      expect(code(replies[2]!)).toBe('LIFELINE_RATE_LIMITED');
    } finally {
      await strict.app.close();
    }

    // A request token never learns whether another id exists.
    expect((await messagesOf(a, unknown, request.accessToken)).status).toBe(403);
    expect(bodies((await messagesOf(a, request.id, supervisor.token)).body.messages)).toEqual([
      'x'.repeat(MAX_MESSAGE_LENGTH),
    ]);
    for (const socket of [agentSocket, userSocket, bystanderSocket]) socket.close();
  });

  it('stores chat during a call, and lists it in order after the session ended and its hot state is gone', async () => {
    const { agent, agentSocket, request, userSocket, offer } = await offeredRequest('et', 'call');
    agentSocket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await agentSocket.next('session.ready');
    await userSocket.next('session.ready');

    const lines = ['can you hear me?', 'yes, loud and clear', 'the payout page says pending', 'fixed now'];
    for (const [i, body] of lines.entries()) {
      const [speaker, listener] = i % 2 === 0 ? [userSocket, agentSocket] : [agentSocket, userSocket];
      speaker.send({ type: 'message', requestId: request.id, body, ref: `c${i}` });
      await speaker.next('ack', (f) => f.ref === `c${i}`);
      expect((await listener.next('message', (f) => f.message.body === body)).message.role).toBe(
        i % 2 === 0 ? 'user' : 'agent',
      );
    }
    agentSocket.send({ type: 'message', requestId: request.id, body: 'user was calm', internal: true });
    await agentSocket.next('message', (f) => f.message.internal);

    agentSocket.send({ type: 'session.end', sessionId: ready.sessionId, outcome: 'resolved' });
    await userSocket.next('session.ended');
    const afterEnd = await messagesOf(b, request.id, request.accessToken);
    expect(bodies(afterEnd.body.messages)).toEqual(lines);
    expect(bodies((await messagesOf(a, request.id, agent.token)).body.messages)).toEqual([
      ...lines,
      'user was calm',
    ]);

    const db = connectDatabase(cluster.config.database);
    try {
      const stored = await db
        .selectFrom('messages')
        .select(['role', 'author_id', 'internal', 'body'])
        .where('case_id', '=', request.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      expect(stored.map((row) => row.body)).toEqual([...lines, 'user was calm']);
      expect(stored.map((row) => row.role)).toEqual(['user', 'agent', 'user', 'agent', 'agent']);
      expect(stored[1]!.author_id).toBe(agent.id);
    } finally {
      await db.destroy();
    }

    // The request's hot record expires after its retention; the conversation stays with the case.
    await cluster.redis.del(`${cluster.config.keyPrefix}req:${request.id}`);
    const kept = await messagesOf(a, request.id, supervisor.token);
    expect(bodies(kept.body.messages)).toEqual([...lines, 'user was calm']);
    expect(bodies((await messagesOf(a, request.id, request.accessToken)).body.messages)).toEqual(lines);
    const page = await messagesOf(a, request.id, supervisor.token, '?limit=2');
    expect(bodies(page.body.messages)).toEqual(['fixed now', 'user was calm']);
    const earlier = await messagesOf(
      a,
      request.id,
      supervisor.token,
      `?limit=2&before=${page.body.messages[0].id}`,
    );
    expect(bodies(earlier.body.messages)).toEqual(['yes, loud and clear', 'the payout page says pending']);
    for (const socket of [agentSocket, userSocket]) socket.close();
  }, 40_000);
});
