import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../core/protocol/conversations.js';
import type { MyHelpRequest } from '../../core/protocol/helpRequests.js';
import { connectDatabase } from '../../platform/db/database.js';
import { agentOnline, api, createAgent, platformToken, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

/**
 * A whole asynchronous conversation across two instances: the user writes and leaves, an agent
 * who comes online later takes it and answers while the user is away, the user comes back on
 * another device through the other instance, reads the answer and replies, and the agent closes
 * the case; every line is in PostgreSQL in order.
 */
let cluster: Cluster;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  // A grace far shorter than the time the user is away: a live call would be abandoned.
  cluster = await startCluster(2, { ABANDON_GRACE_MS: '300', OFFER_TIMEOUT_MS: '60000' });
  [a, b] = cluster.instances as [Instance, Instance];
});
afterAll(() => cluster?.close());

const bodies = (messages: ConversationMessage[]) => messages.map((m) => `${m.role}: ${m.body}`);

describe('an asynchronous conversation', () => {
  it('is answered while its user is away and picked up on another device through the other instance', async () => {
    const user = { sub: `async-${randomUUID()}`, name: 'Away Viewer' };
    const identity = await platformToken(cluster.config, user);
    const created = await api(a, 'POST', '/v1/help-requests', {
      token: identity,
      body: { channel: 'text', language: 'nl', text: 'my payout never arrived this month' },
    });
    expect(created.status).toBe(201);
    const { id, accessToken } = created.body as { id: string; accessToken: string };
    const laptop = await WsClient.connect(a.wsUrl, accessToken);
    laptop.send({ type: 'message', body: 'It was due on the 1st', ref: 'u1' });
    await laptop.next('ack', (f) => f.ref === 'u1');
    laptop.socket.close();
    await laptop.closed;

    // Well past the grace period, with nobody connected, the case still waits.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waiting = await api(a, 'GET', `/v1/help-requests/${id}`, { token: accessToken });
    expect(waiting.body.state).toBe('queued');

    const agent = await createAgent(b, cluster.config, {
      name: 'Nora Later',
      languages: ['nl'],
      skills: ['payment'],
    });
    const agentSocket = await agentOnline(b, agent);
    const offer = await agentSocket.next('offer', (f) => f.request.id === id);
    agentSocket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await agentSocket.next('session.ready');
    expect(ready).toMatchObject({ requestId: id, channel: 'text', canPublish: false });
    const read = await api(b, 'GET', `/v1/help-requests/${id}/messages`, { token: agent.token });
    expect(bodies(read.body.messages)).toEqual(['user: It was due on the 1st']);
    agentSocket.send({
      type: 'message',
      requestId: id,
      body: 'It bounced; we sent it again today',
      ref: 'a1',
    });
    await agentSocket.next('ack', (f) => f.ref === 'a1');

    // Another device, through the other instance: the signed identity finds the open case.
    const mine = await api(b, 'GET', '/v1/me/help-requests', { token: identity });
    const open = (mine.body.requests as MyHelpRequest[]).find((r) => r.id === id);
    expect(open?.accessToken).toBeTruthy();
    const phone = await WsClient.connect(b.wsUrl, open?.accessToken ?? '');
    expect(await phone.next('session.ready')).toMatchObject({
      sessionId: ready.sessionId,
      canPublish: false,
    });
    const history = await api(b, 'GET', `/v1/help-requests/${id}/messages`, { token: open?.accessToken });
    expect(bodies(history.body.messages)).toEqual([
      'user: It was due on the 1st',
      'agent: It bounced; we sent it again today',
    ]);
    phone.send({ type: 'message', body: 'Got it, thank you!', ref: 'u2' });
    await phone.next('ack', (f) => f.ref === 'u2');
    expect((await agentSocket.next('message', (f) => f.message.role === 'user')).message.body).toBe(
      'Got it, thank you!',
    );

    agentSocket.send({ type: 'session.end', sessionId: ready.sessionId, outcome: 'resolved', ref: 'end' });
    await agentSocket.next('ack', (f) => f.ref === 'end');
    expect((await phone.next('session.ended')).reason).toBe('agent_ended');

    const db = connectDatabase(cluster.config.database);
    try {
      const stored = await db
        .selectFrom('cases')
        .select(['state', 'user_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      expect(stored).toEqual({ state: 'ended', user_id: user.sub });
      const lines = await db
        .selectFrom('messages')
        .select(['role', 'body'])
        .where('case_id', '=', id)
        .orderBy('created_at')
        .execute();
      expect(lines.map((l) => `${l.role}: ${l.body}`)).toEqual([
        'user: It was due on the 1st',
        'agent: It bounced; we sent it again today',
        'user: Got it, thank you!',
      ]);
    } finally {
      await db.destroy();
    }
    phone.close();
    agentSocket.close();
  });
});
