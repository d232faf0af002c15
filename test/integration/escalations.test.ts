import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createSupervisor } from '../support/clients.js';
import { DeskHarness, type Desk } from '../support/desk.js';

/** An escalation a wrap-up leaves: waiting for a supervisor, who hands it to an agent. */

// A handed-off case is reserved for its assignee as a due follow-up is: as briefly as in follow-ups.
const desk = new DeskHarness({ FOLLOW_UP_RESERVE_SECONDS: '3' });
const { onlineAgent, serve, endSession } = desk;
let { cluster, first, second } = {} as Desk;

beforeAll(async () => {
  ({ cluster, first, second } = await desk.start());
});
afterAll(() => desk.close());

describe('escalations', () => {
  it('leaves an escalation for a supervisor, who hands it to an agent it is offered to first', async () => {
    const supervisor = (await createSupervisor(first, cluster.config)).token;
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
