import { decodeJwt } from 'jose';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../core/protocol/conversations.js';
import { agentOnline, api, createAgent, createHelpRequest, liveCall, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { servedConversation } from '../support/conversations.js';

/**
 * A text or voice conversation holds no LiveKit room and no media grant; its agent turns it into
 * a live call with one action and back, across two instances, and the conversation stays open.
 */
let cluster: Cluster;
let a: Instance;
let b: Instance;
let rooms: RoomServiceClient;

beforeAll(async () => {
  cluster = await startCluster(2, { OFFER_TIMEOUT_MS: '60000' });
  [a, b] = cluster.instances as [Instance, Instance];
  const { livekit } = cluster.config;
  rooms = new RoomServiceClient(livekit.url.replace('ws://', 'http://'), livekit.apiKey, livekit.apiSecret);
});
afterAll(() => cluster?.close());

/** A text request from a user on A, taken by an agent on B. */
const served = (language: string) => servedConversation(cluster.config, a, b, language);

const roomsNamed = async (name: string) => (await rooms.listRooms([name])).map((r) => r.name);
const startCall = (agentToken: string, sessionId: string, body: unknown) =>
  api(b, 'POST', `/v1/sessions/${sessionId}/call`, { token: agentToken, body });

describe('a conversation and its live call', () => {
  it('opens no LiveKit room and hands out no media grant for a text conversation', async () => {
    const { agentReady, userReady } = await served('lv');
    for (const ready of [agentReady, userReady]) {
      expect(ready).toMatchObject({ channel: 'text', canPublish: false });
      expect(ready).not.toHaveProperty('token');
      expect(ready).not.toHaveProperty('room');
    }
    expect(await roomsNamed(`lifeline-${agentReady.sessionId}`)).toEqual([]);
  });

  it('turns into a live call with one action, tells both sides, and goes back to chat', async () => {
    const { agent, agentSocket, request, userSocket, agentReady } = await served('et');
    const { sessionId } = agentReady;
    expect((await startCall(agent.token, sessionId, { media: 'video' })).status).toBe(204);

    const agentCall = await agentSocket.next('session.ready');
    const userCall = await userSocket.next('session.ready');
    for (const [ready, identity] of [
      [agentCall, `agent-${agent.id}`],
      [userCall, `user-${request.id}`],
    ] as const) {
      expect(ready).toMatchObject({ sessionId, channel: 'text', canPublish: true, media: 'video' });
      const claims = decodeJwt(liveCall(ready).token) as { sub: string; video: Record<string, unknown> };
      expect(claims.sub).toBe(identity);
      expect(claims.video).toMatchObject({ room: `lifeline-${sessionId}`, canPublish: true });
    }
    expect(await roomsNamed(`lifeline-${sessionId}`)).toEqual([`lifeline-${sessionId}`]);
    const started = await userSocket.next('message', (f) => f.message.role === 'system');
    expect(started.message.body).toBe('call.video.started');

    // Asking again while the call runs changes nothing, and writes no second line.
    expect((await startCall(agent.token, sessionId, { media: 'video' })).status).toBe(204);

    // A reconnecting user is handed the running call again.
    const again = await WsClient.connect(a.wsUrl, request.accessToken);
    expect(liveCall(await again.next('session.ready')).room).toBe(`lifeline-${sessionId}`);
    again.socket.close();

    const stop = await api(b, 'DELETE', `/v1/sessions/${sessionId}/call`, { token: agent.token });
    expect(stop.status).toBe(204);
    const back = await userSocket.next('session.ready', (f) => !f.canPublish);
    expect(back).not.toHaveProperty('token');
    await expect.poll(() => roomsNamed(`lifeline-${sessionId}`)).toEqual([]);

    // The conversation is still open and holds the call's start and end.
    const posted = await api(a, 'POST', `/v1/help-requests/${request.id}/messages`, {
      token: request.accessToken,
      body: { body: 'thanks, that helped' },
    });
    expect(posted.status).toBe(201);
    const lines = (
      await api(a, 'GET', `/v1/help-requests/${request.id}/messages`, { token: request.accessToken })
    ).body.messages as ConversationMessage[];
    expect(lines.filter((m) => m.role === 'system').map((m) => m.body)).toEqual([
      'call.video.started',
      'call.ended',
    ]);
    expect(lines.at(-1)?.body).toBe('thanks, that helped');
  });

  it('refuses with codes: another agent 403, a call session 409, a bad media kind 400, no call 409', async () => {
    const { agentReady } = await served('fi');
    const other = await createAgent(b, cluster.config, { languages: ['fi'] });
    const refused = await startCall(other.token, agentReady.sessionId, { media: 'audio' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'LIFELINE_FORBIDDEN' } } });
    const owner = await createAgent(b, cluster.config, { languages: ['is'] });
    const socket = await agentOnline(b, owner);
    await createHelpRequest(a, cluster.config, {
      channel: 'call',
      media: 'audio',
      language: 'is',
      text: 'hi',
    });
    socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
    const callReady = await socket.next('session.ready');
    const already = await startCall(owner.token, callReady.sessionId, { media: 'video' });
    expect(already).toMatchObject({ status: 409, body: { error: { code: 'LIFELINE_ALREADY_A_CALL' } } });

    const { agent, agentReady: chat } = await served('mt');
    const badKind = await startCall(agent.token, chat.sessionId, { media: 'hologram' });
    expect(badKind).toMatchObject({ status: 400, body: { error: { code: 'LIFELINE_VALIDATION' } } });
    const stopNone = await api(b, 'DELETE', `/v1/sessions/${chat.sessionId}/call`, { token: agent.token });
    expect(stopNone.status).toBe(204);
    const gone = await startCall(agent.token, 'no-such-session', { media: 'audio' });
    expect(gone).toMatchObject({ status: 409, body: { error: { code: 'LIFELINE_SESSION_GONE' } } });
  });
});
