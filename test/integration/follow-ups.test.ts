import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, GENERAL_CATEGORY } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  WsClient,
  type TestAgent,
} from '../support/clients.js';
import { deletePrefix, startCluster, type Cluster, type Instance } from '../support/cluster.js';

const RESERVE_SECONDS = 3;
const SKILLS = CATEGORIES.filter((c) => c !== GENERAL_CATEGORY);

let cluster: Cluster;
let db: Kysely<Database>;
let first: Instance;
let second: Instance;
const sockets: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster(2, {
    FOLLOW_UP_RESERVE_SECONDS: String(RESERVE_SECONDS),
    INCIDENT_MIN_USERS: '3',
  });
  [first, second] = cluster.instances as [Instance, Instance];
  db = connectDatabase(cluster.config.database);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await db?.destroy();
  await cluster?.close();
});

async function onlineAgent(instance: Instance, language: string, name = 'Agent') {
  const agent = await createAgent(instance, cluster.config, { languages: [language], skills: SKILLS, name });
  const socket = await agentOnline(instance, agent);
  sockets.push(socket);
  return { agent, socket };
}

async function createSupervisor(): Promise<string> {
  const email = `supervisor-${Date.now()}-${Math.random()}@example.test`;
  const password = 'supervisor-pass';
  await api(first, 'POST', '/v1/admin/agents', {
    token: cluster.config.secrets.admin,
    body: { email, password, name: 'Sup', languages: ['en'], skills: [], role: 'supervisor' },
  });
  return (await api(first, 'POST', '/v1/agents/login', { body: { email, password } })).body.token as string;
}

async function setStatus(socket: WsClient, status: 'available' | 'away') {
  const ref = `status-${Math.random()}`;
  socket.send({ type: 'agent.status', status, ref });
  await socket.next('agent.status', (f) => f.ref === ref);
}

/** A text request in this language, offered to and accepted by the agent on this socket. */
async function serve(
  socket: WsClient,
  language: string,
  sub = `user-${Math.random()}`,
  channel: 'text' | 'call' = 'text',
) {
  const request = await createHelpRequest(
    first,
    cluster.config,
    { channel, language, text: 'my payout never arrived, please check' },
    { sub },
  );
  const offer = await socket.next('offer', (f) => f.request.id === request.id);
  socket.send({ type: 'offer.accept', offerId: offer.offerId });
  const ready = await socket.next('session.ready', (f) => f.requestId === request.id);
  return { request, sessionId: ready.sessionId, sub };
}

async function endSession(socket: WsClient, sessionId: string, outcome?: string) {
  const ref = `end-${sessionId}`;
  socket.send({ type: 'session.end', sessionId, ref, ...(outcome ? { outcome } : {}) });
  await socket.next('ack', (f) => f.ref === ref);
}

const wrapUp = (agent: TestAgent, sessionId: string, body: Record<string, unknown>) =>
  api(first, 'POST', `/v1/sessions/${sessionId}/wrap-up`, { token: agent.token, body });

const taskOf = (caseId: string) =>
  db.selectFrom('tasks').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

const followUpEvents = async (caseId: string) =>
  (
    await db
      .selectFrom('case_events')
      .select('reason')
      .where('case_id', '=', caseId)
      .where('reason', 'in', ['follow_up', 'escalation'])
      .execute()
  ).length;

/** Polls until `check` holds, for at most `ms`. */
async function eventually<T>(ms: number, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const minutesFromNow = (iso: string) => (new Date(iso).getTime() - Date.now()) / 60_000;

describe('follow-ups', () => {
  it('leaves a task due when the wrap-up says, changes it on a correction, and refuses unknown outcomes', async () => {
    const { agent, socket } = await onlineAgent(first, 'de');
    const { request, sessionId } = await serve(socket, 'de');
    const bad = `bad-${sessionId}`;
    socket.send({ type: 'session.end', sessionId, outcome: 'bogus', ref: bad });
    expect((await socket.next('error', (f) => f.ref === bad)).code).toBe('LIFELINE_VALIDATION');
    await endSession(socket, sessionId, 'follow_up');

    const mine = (await api(first, 'GET', '/v1/agents/me/tasks', { token: agent.token })).body.tasks;
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'follow_up',
        state: 'pending',
        requestId: request.id,
        sessionId,
        assigneeId: agent.id,
        createdBy: agent.id,
      }),
    ]);
    expect(minutesFromNow(mine[0].dueAt)).toBeCloseTo(24 * 60, -1);

    expect((await wrapUp(agent, sessionId, { outcome: 'follow_up', followUpInMinutes: 90 })).status).toBe(
      204,
    );
    const changed = await taskOf(request.id);
    expect(changed.id).toBe(mine[0].id);
    expect(minutesFromNow(new Date(changed.due_at!).toISOString())).toBeCloseTo(90, 0);

    for (const body of [
      { outcome: 'resolved', followUpInMinutes: 5 },
      { outcome: 'follow_up', followUpInMinutes: 31 * 24 * 60 },
      { outcome: 'follow_up', followUpInMinutes: -1 },
    ])
      expect((await wrapUp(agent, sessionId, body)).body.error.code).toBe('LIFELINE_VALIDATION');

    const supervisor = await createSupervisor();
    const overview = (await api(first, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    expect(overview.tasks).toContainEqual(
      expect.objectContaining({ id: changed.id, category: expect.any(String) }),
    );
    expect((await api(first, 'GET', '/v1/supervisor/tasks', { token: agent.token })).status).toBe(403);

    expect((await wrapUp(agent, sessionId, { outcome: 'resolved' })).status).toBe(204);
    expect((await taskOf(request.id)).state).toBe('cancelled');
    expect((await api(first, 'GET', '/v1/agents/me/tasks', { token: agent.token })).body.tasks).toEqual([]);
    expect((await wrapUp(agent, sessionId, { outcome: 'follow_up', followUpInMinutes: 60 })).status).toBe(
      204,
    );
    expect(await taskOf(request.id)).toMatchObject({ id: changed.id, state: 'pending' });
  });

  it('offers a due follow-up to its own agent only until the reservation ends, then to anyone', async () => {
    const a = await onlineAgent(first, 'fr', 'Agent A');
    const served = await serve(a.socket, 'fr');
    await endSession(a.socket, served.sessionId);
    await setStatus(a.socket, 'away');
    const b = await onlineAgent(second, 'fr', 'Agent B');

    const wrappedAt = Date.now();
    expect(
      (await wrapUp(a.agent, served.sessionId, { outcome: 'follow_up', followUpInMinutes: 0 })).status,
    ).toBe(204);
    const opened = await eventually(5000, async () => {
      const task = await taskOf(served.request.id);
      return task.state === 'open' && task;
    });
    expect(new Date(opened.reserved_until!).getTime() - new Date(opened.opened_at!).getTime()).toBe(
      RESERVE_SECONDS * 1000,
    );
    // A is away: B is free and speaks French, yet is not offered A's follow-up while it is reserved.
    const reservedLeft = new Date(opened.reserved_until!).getTime() - Date.now();
    await b.socket.expectNone('offer', Math.max(0, reservedLeft - 300));
    const offer = await b.socket.next('offer', (f) => f.request.id === served.request.id, 8000);
    expect(Date.now() - wrappedAt).toBeGreaterThanOrEqual(RESERVE_SECONDS * 1000 - 300);
    expect(offer.request.channel).toBe('text');
    b.socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await b.socket.next('session.ready', (f) => f.requestId === served.request.id);
    const done = await eventually(5000, async () => {
      const task = await taskOf(served.request.id);
      return task.state === 'done' && task;
    });
    expect(done.taken_by).toBe(b.agent.id);
    await endSession(b.socket, ready.sessionId);

    // Both free now, B idle the longer: A's next follow-up still goes to A first.
    await setStatus(b.socket, 'away');
    await setStatus(a.socket, 'available');
    const again = await serve(a.socket, 'fr');
    await setStatus(b.socket, 'available');
    await endSession(a.socket, again.sessionId);
    expect(
      (await wrapUp(a.agent, again.sessionId, { outcome: 'follow_up', followUpInMinutes: 0 })).status,
    ).toBe(204);
    const back = await a.socket.next('offer', (f) => f.request.id === again.request.id, 5000);
    expect(b.socket.frames.some((f) => f.type === 'offer' && f.request.id === again.request.id)).toBe(false);
    a.socket.send({ type: 'offer.decline', offerId: back.offerId });
    // Declining gives the reservation up: the next free agent gets it at once.
    const moved = await b.socket.next('offer', (f) => f.request.id === again.request.id, 3000);
    b.socket.send({ type: 'offer.decline', offerId: moved.offerId });
    await setStatus(a.socket, 'away');
    await setStatus(b.socket, 'away');
  }, 40_000);

  it('reopens a due task once however many instances race for it, and after a crash mid-way', async () => {
    const { agent, socket } = await onlineAgent(first, 'it');
    const served = await serve(socket, 'it');
    await endSession(socket, served.sessionId);
    await setStatus(socket, 'away');
    await wrapUp(agent, served.sessionId, { outcome: 'follow_up', followUpInMinutes: 60 });
    await db
      .updateTable('tasks')
      .set({ due_at: new Date(Date.now() + 1000) })
      .where('case_id', '=', served.request.id)
      .execute();
    let claimedHere = 0;
    const deadline = Date.now() + 2500;
    while (Date.now() < deadline) {
      const rounds = await Promise.all(
        [first, second, first, second].map((instance) => instance.app.lifeline.followUps.openDue()),
      );
      claimedHere += rounds.reduce((sum, n) => sum + n, 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The sweepers raced too: whoever won, the case reopened exactly once.
    expect(claimedHere).toBeLessThanOrEqual(1);
    expect(await followUpEvents(served.request.id)).toBe(1);
    expect((await taskOf(served.request.id)).state).toBe('open');
    await setStatus(socket, 'available');
    const offer = await socket.next('offer', (f) => f.request.id === served.request.id, 5000);
    await socket.expectNone('offer', 1000);
    socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await socket.next('session.ready', (f) => f.requestId === served.request.id);
    await endSession(socket, ready.sessionId);

    // An instance that claimed a task in PostgreSQL and died before queueing its case in Redis.
    await wrapUp(agent, ready.sessionId, { outcome: 'follow_up', followUpInMinutes: 60 });
    const crashedAt = Date.now() - 60_000;
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('tasks')
        .set({ state: 'open', opened_at: new Date(crashedAt), reserved_until: new Date(crashedAt) })
        .where('session_id', '=', ready.sessionId)
        .execute();
      await new CaseRepository(db).reopen(
        served.request.id,
        { reason: 'follow_up', at: crashedAt, rankFor: (score) => queueRank(score, crashedAt, 2) },
        tx,
      );
    });
    const recovered = await socket.next('offer', (f) => f.request.id === served.request.id, 8000);
    expect(recovered.offerId).not.toBe(offer.offerId);
    expect(await followUpEvents(served.request.id)).toBe(2);
    socket.send({ type: 'offer.decline', offerId: recovered.offerId });
    await setStatus(socket, 'away');
  }, 30_000);

  it('waits for the session to end before reopening a follow-up wrapped up while it ran', async () => {
    const { agent, socket } = await onlineAgent(first, 'sv');
    const served = await serve(socket, 'sv');
    expect(
      (await wrapUp(agent, served.sessionId, { outcome: 'follow_up', followUpInMinutes: 0 })).status,
    ).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await taskOf(served.request.id)).state).toBe('pending');
    await endSession(socket, served.sessionId);
    const offer = await socket.next('offer', (f) => f.request.id === served.request.id, 5000);
    socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await socket.next('session.ready', (f) => f.requestId === served.request.id);
    await endSession(socket, ready.sessionId, 'resolved');
    const done = await eventually(5000, async () => {
      const task = await taskOf(served.request.id);
      return task.state === 'done' && task;
    });
    expect(done.taken_by).toBe(agent.id);
    await setStatus(socket, 'away');
  });

  it('leaves an escalation for a supervisor, who hands it to an agent it is offered to first', async () => {
    const supervisor = await createSupervisor();
    const d = await onlineAgent(first, 'es', 'Agent D');
    const served = await serve(d.socket, 'es', undefined, 'call');
    await endSession(d.socket, served.sessionId, 'escalated');
    const e = await onlineAgent(second, 'es', 'Agent E');

    const listed = (await api(first, 'GET', '/v1/supervisor/tasks', { token: supervisor })).body.tasks;
    const escalation = listed.find((t: { requestId: string }) => t.requestId === served.request.id);
    expect(escalation).toMatchObject({ kind: 'escalation', state: 'pending', createdBy: d.agent.id });
    expect(escalation.assigneeId).toBeUndefined();
    expect(escalation.dueAt).toBeUndefined();
    await e.socket.expectNone('offer', 1500);

    const assign = (id: string, body: Record<string, unknown>) =>
      api(first, 'POST', `/v1/supervisor/tasks/${id}/assign`, { token: supervisor, body });
    expect((await assign(escalation.id, { agentId: 'nobody' })).status).toBe(404);
    expect((await assign('no-such-task', { agentId: e.agent.id })).status).toBe(404);
    expect(
      (
        await api(first, 'POST', `/v1/supervisor/tasks/${escalation.id}/assign`, {
          token: e.agent.token,
          body: { agentId: e.agent.id },
        })
      ).status,
    ).toBe(403);
    expect((await assign(escalation.id, { agentId: e.agent.id })).status).toBe(204);
    const offer = await e.socket.next('offer', (f) => f.request.id === served.request.id, 5000);
    // A live call cannot be called back: the case continues as a conversation.
    expect(offer.request).toMatchObject({ channel: 'text' });
    expect(offer.request.media).toBeUndefined();
    expect(d.socket.frames.some((f) => f.type === 'offer' && f.request.id === served.request.id)).toBe(false);
    const late = await assign(escalation.id, { agentId: d.agent.id });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('LIFELINE_TASK_CLOSED');
    e.socket.send({ type: 'offer.accept', offerId: offer.offerId });
    await e.socket.next('session.ready', (f) => f.requestId === served.request.id);
  });
});

describe('incidents in the system of record', () => {
  it('keeps incidents and their linked cases through a Redis flush of the prefix, and erases with users', async () => {
    for (const socket of sockets.splice(0)) socket.close();
    const text = 'someone hacked my account';
    const reports = [];
    for (let i = 0; i < 3; i += 1)
      reports.push(
        await createHelpRequest(
          first,
          cluster.config,
          { channel: 'text', language: 'pt', text },
          { sub: `burst-${i}` },
        ),
      );
    const agent = await createAgent(first, cluster.config);
    const listed = (await api(first, 'GET', '/v1/incidents', { token: agent.token })).body.incidents;
    const incident = listed.find((i: { keyword: string }) => i.keyword === 'hacked');
    expect(incident).toMatchObject({ users: 3, cases: 3 });
    const linked = async () =>
      (
        await db
          .selectFrom('incident_cases')
          .select('case_id')
          .where('incident_id', '=', incident.id)
          .execute()
      ).map((row) => row.case_id);
    expect((await linked()).sort()).toEqual(reports.map((r) => r.id).sort());

    await deletePrefix(cluster.redis, cluster.config.keyPrefix);
    const after = await createAgent(second, cluster.config);
    const survived = (await api(second, 'GET', '/v1/incidents', { token: after.token })).body.incidents;
    expect(survived).toContainEqual(
      expect.objectContaining({ id: incident.id, keyword: 'hacked', users: 3 }),
    );
    // Redis counts from zero again, but a new report still joins the open incident.
    const fourth = await createHelpRequest(second, cluster.config, { channel: 'text', language: 'pt', text });
    expect(await linked()).toContain(fourth.id);
    const supervisor = await createSupervisor();
    const overview = (await api(first, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    expect(overview.incidents).toContainEqual(
      expect.objectContaining({ id: incident.id, users: 4, cases: 4 }),
    );

    const erased = await api(first, 'DELETE', '/v1/admin/users/burst-0', {
      token: cluster.config.secrets.admin,
    });
    expect(erased.status).toBe(200);
    expect(await linked()).not.toContain(reports[0]!.id);
    // Its case is gone, but the incident's count of users it reached does not fall.
    expect((await api(second, 'GET', '/v1/incidents', { token: after.token })).body.incidents).toContainEqual(
      expect.objectContaining({ id: incident.id, users: 4, cases: 3 }),
    );
  }, 30_000);

  it("erases a user's tasks with their cases", async () => {
    const { agent, socket } = await onlineAgent(first, 'nl');
    const served = await serve(socket, 'nl', 'erased-with-task');
    await endSession(socket, served.sessionId, 'follow_up');
    await taskOf(served.request.id);
    const erased = await api(first, 'DELETE', '/v1/admin/users/erased-with-task', {
      token: cluster.config.secrets.admin,
    });
    expect(erased.status).toBe(200);
    expect(
      await db.selectFrom('tasks').select('id').where('case_id', '=', served.request.id).execute(),
    ).toEqual([]);
    expect((await api(first, 'GET', '/v1/agents/me/tasks', { token: agent.token })).body.tasks).toEqual([]);
  });
});
