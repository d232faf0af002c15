import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueRank } from '../../core/routing/priority.js';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { api, createSupervisor } from '../support/clients.js';
import { DeskHarness, type Desk } from '../support/desk.js';

/** Follow-up tasks a wrap-up leaves: when they fall due, who is offered them, and their erasure. */
const RESERVE_SECONDS = 3;

const desk = new DeskHarness({ FOLLOW_UP_RESERVE_SECONDS: String(RESERVE_SECONDS) });
const { onlineAgent, setStatus, serve, endSession, wrapUp, taskOf } = desk;
let { cluster, db, first, second } = {} as Desk;

beforeAll(async () => {
  ({ cluster, db, first, second } = await desk.start());
});
afterAll(() => desk.close());

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

    const supervisor = (await createSupervisor(first, cluster.config)).token;
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
