import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import { agentOnline, api, createAgent, createSupervisor } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { errorCode, floorDesk } from '../support/floorDesk.js';

let cluster: Cluster;
let app: Instance;
let desk: ReturnType<typeof floorDesk>;

beforeAll(async () => {
  cluster = await startCluster(1, {
    CONSULT_TIMEOUT_MS: '1500',
    ABANDON_GRACE_MS: '3000',
    SWEEP_INTERVAL_MS: '200',
  });
  app = cluster.instances[0]!;
  desk = floorDesk(app, cluster.config);
});
afterAll(() => cluster.close());

describe('transfers', () => {
  it('hands a call warm to a consulted agent in the same room: the user never queues again', async () => {
    const supervisor = await createSupervisor(app, cluster.config);
    const [ana, ben, full, away] = await Promise.all([
      desk.agent('Ana'),
      desk.agent('Ben'),
      desk.agent('Full'),
      desk.agent('Away'),
    ]);
    const anaSocket = await agentOnline(app, ana);
    const { ready, user, request } = await desk.servedCall(anaSocket);
    // Full is at capacity with a call of its own; Away never comes online.
    const fullSocket = await agentOnline(app, full);
    await desk.servedCall(fullSocket, 'payment failed twice');
    const benSocket = await agentOnline(app, ben);

    const consult = (agentId: string, token = ana.token) =>
      api(app, 'POST', `/v1/sessions/${ready.sessionId}/consult`, { token, body: { agentId } });
    const transfer = (token = ana.token) =>
      api(app, 'POST', `/v1/sessions/${ready.sessionId}/transfer`, { token, body: { mode: 'warm' } });
    expect(errorCode(await consult(ana.id))).toBe('LIFELINE_TRANSFER_TO_SELF');
    expect((await consult('nobody')).status).toBe(404);
    expect(errorCode(await consult(away.id))).toBe('LIFELINE_TRANSFER_TARGET_OFFLINE');
    expect(errorCode(await consult(full.id))).toBe('LIFELINE_TRANSFER_TARGET_BUSY');
    expect((await consult(full.id, ben.token)).status).toBe(403);
    expect(errorCode(await transfer())).toBe('LIFELINE_NO_CONSULT');

    expect((await consult(ben.id)).status).toBe(204);
    const invited = await benSocket.next('consult.invited');
    expect(invited).toMatchObject({ sessionId: ready.sessionId, fromAgentId: ana.id, fromName: 'Ana' });
    expect(invited.request.id).toBe(request.id);
    expect(errorCode(await consult(ben.id))).toBe('LIFELINE_TRANSFER_PENDING');
    // Ben's slot is held for the consult: routing offers him nothing else meanwhile.
    expect((await desk.presence(supervisor.token, ben.id)).load).toBe(1);
    expect(errorCode(await transfer())).toBe('LIFELINE_NO_CONSULT');

    const accept = (token: string) =>
      api(app, 'POST', `/v1/sessions/${ready.sessionId}/consult/accept`, { token });
    expect((await accept(full.token)).status).toBe(403);
    const joined = await accept(ben.token);
    expect(joined.body).toMatchObject({ room: ready.room, withAgentIdentity: `agent-${ana.id}` });
    expect(decodeJwt(joined.body.token).sub).toBe(`agent-${ben.id}`);
    await anaSocket.next('transfer.update', (f) => f.state === 'joined' && f.agentId === ben.id);
    await user.next('session.transfer', (f) => f.state === 'consulting');

    expect((await transfer(ben.token)).status).toBe(403);
    expect((await transfer()).status).toBe(204);
    const handed = await benSocket.next('session.ready');
    expect(handed).toMatchObject({ sessionId: ready.sessionId, room: ready.room, requestId: request.id });
    await anaSocket.next('transfer.update', (f) => f.state === 'completed' && f.agentId === ben.id);
    await user.next('session.transfer', (f) => f.state === 'completed' && f.agentName === 'Ben');
    // The user stayed in the session: no queue position, no new session, nothing ended.
    for (const type of ['queue.update', 'session.ended', 'session.ready'] as const)
      expect(
        user.frames.filter((f) => f.type === type),
        JSON.stringify(user.frames),
      ).toEqual([]);
    expect((await desk.presence(supervisor.token, ana.id)).load).toBe(0);
    expect((await desk.presence(supervisor.token, ben.id)).load).toBe(1);

    // The session is Ben's now: Ana can no longer end it, Ben can.
    expect(
      (
        await api(app, 'POST', `/v1/sessions/${ready.sessionId}/consult`, {
          token: ana.token,
          body: { agentId: full.id },
        })
      ).status,
    ).toBe(403);
    benSocket.send({ type: 'session.end', sessionId: ready.sessionId, outcome: 'resolved' });
    await user.next('session.ended');

    await expect
      .poll(() => desk.auditOf(supervisor, ready.sessionId))
      .toEqual(['consult_invite', 'consult_accept', 'transfer_warm']);
    const db = connectDatabase(cluster.config.database);
    try {
      await expect
        .poll(
          async () =>
            (
              await db
                .selectFrom('calls')
                .select('agent_id')
                .where('session_id', '=', ready.sessionId)
                .executeTakeFirst()
            )?.agent_id,
        )
        .toBe(ben.id);
    } finally {
      await db.destroy();
    }
    for (const s of [anaSocket, benSocket, fullSocket, user]) s.close();
  });

  it('expires an unanswered consult and frees the invited agent', async () => {
    const [ana, ben] = await Promise.all([desk.agent('Ana'), desk.agent('Ben')]);
    const supervisor = await createSupervisor(app, cluster.config);
    const anaSocket = await agentOnline(app, ana);
    const { ready, user } = await desk.servedCall(anaSocket);
    const benSocket = await agentOnline(app, ben);
    const consult = () =>
      api(app, 'POST', `/v1/sessions/${ready.sessionId}/consult`, {
        token: ana.token,
        body: { agentId: ben.id },
      });
    expect((await consult()).status).toBe(204);
    await anaSocket.next('transfer.update', (f) => f.state === 'expired', 5000);
    await benSocket.next('transfer.update', (f) => f.state === 'expired');
    expect((await desk.presence(supervisor.token, ben.id)).load).toBe(0);
    // Declining and cancelling end it the same way, from either side.
    expect((await consult()).status).toBe(204);
    expect(
      (await api(app, 'POST', `/v1/sessions/${ready.sessionId}/consult/decline`, { token: ben.token }))
        .status,
    ).toBe(204);
    await anaSocket.next('transfer.update', (f) => f.state === 'declined');
    expect((await consult()).status).toBe(204);
    expect(
      (await api(app, 'DELETE', `/v1/sessions/${ready.sessionId}/consult`, { token: ana.token })).status,
    ).toBe(204);
    await benSocket.next('transfer.update', (f) => f.state === 'cancelled');
    // A session that ends with a consult open gives the invited agent's slot back too.
    expect((await consult()).status).toBe(204);
    anaSocket.send({ type: 'session.end', sessionId: ready.sessionId });
    await benSocket.next('transfer.update', (f) => f.state === 'cancelled');
    await expect.poll(async () => (await desk.presence(supervisor.token, ben.id)).load).toBe(0);
    await expect
      .poll(() => desk.auditOf(supervisor, ready.sessionId))
      .toEqual([
        'consult_invite',
        'consult_expire',
        'consult_invite',
        'consult_decline',
        'consult_invite',
        'consult_cancel',
        'consult_invite',
      ]);
    for (const s of [anaSocket, benSocket, user]) s.close();
  });

  it('sends a call cold to another queue with a note: someone else takes it with the note', async () => {
    const ana = await desk.agent('Ana');
    const anaSocket = await agentOnline(app, ana);
    const { ready, user, request } = await desk.servedCall(anaSocket, 'my stream keeps freezing');
    const bad = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/transfer`, {
      token: ana.token,
      body: { mode: 'cold', category: 'no_such_queue' },
    });
    expect(bad.status).toBe(400);
    const cold = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/transfer`, {
      token: ana.token,
      body: { mode: 'cold', category: 'payment', note: 'Billing question after the freeze; card ends 42' },
    });
    expect(cold.status).toBe(204);
    await anaSocket.next('session.ended', (f) => f.reason === 'transferred');
    await user.next('session.transfer', (f) => f.state === 'queued');
    expect(user.frames.filter((f) => f.type === 'session.ended')).toEqual([]);

    // Ana declined it by transferring: the next agent, not Ana, is offered it, with the note.
    const cleo = await createAgent(app, cluster.config, {
      name: 'Cleo',
      languages: ['en'],
      skills: ['payment'],
    });
    const cleoSocket = await agentOnline(app, cleo);
    const offer = await cleoSocket.next('offer', () => true, 8000);
    expect(offer.request).toMatchObject({
      id: request.id,
      category: 'payment',
      transfer: { fromAgentId: ana.id, note: 'Billing question after the freeze; card ends 42' },
    });
    expect(anaSocket.frames.filter((f) => f.type === 'offer')).toEqual([]);
    cleoSocket.send({ type: 'offer.accept', offerId: offer.offerId });
    const next = await user.next('session.ready', (f) => f.sessionId !== ready.sessionId);
    expect(next.requestId).toBe(request.id);
    const db = connectDatabase(cluster.config.database);
    try {
      const row = await db
        .selectFrom('cases')
        .select(['category'])
        .where('id', '=', request.id)
        .executeTakeFirst();
      expect(row?.category).toBe('payment');
      const events = await db
        .selectFrom('case_events')
        .select(['state', 'reason'])
        .where('case_id', '=', request.id)
        .orderBy('at')
        .execute();
      expect(events).toContainEqual({ state: 'queued', reason: 'transferred' });
    } finally {
      await db.destroy();
    }
    for (const s of [anaSocket, cleoSocket, user]) s.close();
  });

  it('starts the abandon clock of a caller who already left when their call goes back to the queue', async () => {
    const ana = await desk.agent('Ana');
    const anaSocket = await agentOnline(app, ana);
    const { ready, user, request } = await desk.servedCall(anaSocket);
    user.close();
    // The caller is gone but the session holds until the media server says so; the agent sends it on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cold = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/transfer`, {
      token: ana.token,
      body: { mode: 'cold', category: 'technical', note: 'caller dropped' },
    });
    expect(cold.status).toBe(204);
    const state = async () =>
      (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).body.state;
    await expect.poll(state, { timeout: 10_000 }).toBe('abandoned');
    anaSocket.close();
  });
});
