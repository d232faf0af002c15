import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createAgent, platformToken } from '../support/clients.js';
import { within } from '../support/apiProcess.js';
import type { Desk } from '../support/desk.js';
import { IncidentFloor } from '../support/incidentFloor.js';

/**
 * Incidents as problems, across two API instances: a status reaches linked users live (a socket
 * on the other instance) and at their next visit, new reporters get it in their create reply,
 * and resolving closes the linked waiting cases except those whose users still need help.
 * Requests are Portuguese text, which no agent serves here: they wait until the incident acts.
 */
const floor = new IncidentFloor({ INCIDENT_MIN_USERS: '3' });
let { cluster, db, first, second } = {} as Desk;
const { asSupervisor, connect } = floor;

const HACKED = { channel: 'text', language: 'pt', text: 'someone hacked my account' };
const report = (sub: string, body: Record<string, unknown> = HACKED) => floor.report(sub, body);
const stateOf = async (id: string) =>
  (await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

beforeAll(async () => {
  ({ cluster, db, first, second } = await floor.start());
});
afterAll(floor.close);

describe('an incident status and its resolution', () => {
  it('reaches live and returning users, answers new reporters, and resolves all but those who still need help', async () => {
    const live = await report('live-user');
    const returning = await report('returning-user');
    const stays = await report('still-needs-help');
    const incident = (await asSupervisor('GET', '/v1/supervisor/incidents')).body.incidents.find(
      (i: { keyword?: string }) => i.keyword === 'hacked',
    );
    expect(incident).toMatchObject({ cases: 3, title: 'hacked' });
    const liveSocket = await connect(live.accessToken);

    // A case about something else, linked by hand; its user is on the other instance too.
    const byHand = await report('linked-by-hand', {
      channel: 'text',
      language: 'pt',
      text: 'my payout is late',
    });
    const byHandSocket = await connect(byHand.accessToken);
    const linked = await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/cases`, {
      requestIds: [byHand.id, 'no-such-case'],
    });
    expect(linked).toEqual({ status: 200, body: { linked: 1 } });

    const message = 'Logins are failing for many users; we are restoring them now.';
    const posted = await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/status`, { message });
    expect(posted.status).toBe(204);
    for (const socket of [liveSocket, byHandSocket])
      expect(await socket.next('incident.status')).toMatchObject({
        incidentId: incident.id,
        title: 'hacked',
        message,
        resolved: false,
      });

    // The returning user has no socket: their next visit reads it, by the case and by identity.
    const view = await api(second, 'GET', `/v1/help-requests/${returning.id}`, {
      token: returning.accessToken,
    });
    expect(view.body).toMatchObject({ state: 'queued', incident: { incidentId: incident.id, message } });
    const mine = await api(second, 'GET', '/v1/me/help-requests', {
      token: await platformToken(cluster.config, { sub: 'returning-user' }),
    });
    expect(mine.body.requests[0]).toMatchObject({ id: returning.id, incident: { message, resolved: false } });

    // A new reporter is answered in the create reply, and still waits unless they say otherwise.
    const newcomer = await report('new-reporter');
    expect(newcomer).toMatchObject({ incident: { incidentId: incident.id, message, resolved: false } });
    expect(newcomer.position).toBeGreaterThan(0);

    const kept = await api(second, 'POST', `/v1/help-requests/${stays.id}/incident-answer`, {
      token: stays.accessToken,
      body: { answer: 'still_need_help' },
    });
    expect(kept).toEqual({ status: 200, body: { id: stays.id, state: 'queued' } });

    const overview = await asSupervisor('GET', '/v1/supervisor/overview');
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    const floor = overview.body.incidents.find((i: { id: string }) => i.id === incident.id);
    expect(floor).toMatchObject({ status: { message }, stillNeedHelp: 1, cases: 5 });
    expect(floor.reportsPerMinute).toHaveLength(60);
    expect(floor.reportsPerMinute.reduce((a: number, b: number) => a + b, 0)).toBe(5);

    const resolution = 'Logins work again. Sign in once more to continue.';
    const resolved = await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/resolve`, {
      resolution,
    });
    expect(resolved).toEqual({ status: 200, body: { closed: 4, keptWaiting: 1, withAgent: 0 } });
    expect(await liveSocket.next('incident.status')).toMatchObject({ message: resolution, resolved: true });
    expect(await liveSocket.next('request.closed')).toMatchObject({
      requestId: live.id,
      reason: 'resolved_by_incident',
    });
    // A socket opened later is told how the request ended, as for a cancel.
    expect(await (await connect(live.accessToken)).next('request.closed')).toMatchObject({
      reason: 'resolved_by_incident',
    });
    const closedView = await api(second, 'GET', `/v1/help-requests/${returning.id}`, {
      token: returning.accessToken,
    });
    expect(closedView.body).toMatchObject({
      state: 'resolved_by_incident',
      incident: { message: resolution, resolved: true },
    });
    const stillWaiting = await api(second, 'GET', `/v1/help-requests/${stays.id}`, {
      token: stays.accessToken,
    });
    expect(stillWaiting.body).toMatchObject({
      state: 'queued',
      incident: { resolved: true, stillNeedHelp: true },
    });
    await within(5000, async () => (await stateOf(newcomer.id)) === 'resolved_by_incident');
    expect(await stateOf(stays.id)).toBe('queued');
    const metrics = await api(first, 'GET', '/metrics');
    expect(metrics.body).toMatch(/lifeline_answered_by_incident_status_total\{how="resolved"\} 4/);
    expect((await asSupervisor('GET', '/v1/supervisor/overview')).body.answeredByStatus).toBe(4);

    // After the resolution closed it, "I still need help" puts the case back in the line.
    const back = await api(second, 'POST', `/v1/help-requests/${returning.id}/incident-answer`, {
      token: returning.accessToken,
      body: { answer: 'still_need_help' },
    });
    expect(back).toEqual({ status: 200, body: { id: returning.id, state: 'queued' } });
    expect(await stateOf(returning.id)).toBe('queued');
    expect((await asSupervisor('GET', '/v1/supervisor/overview')).body.answeredByStatus).toBe(3);

    expect(
      await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/status`, { message }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'LIFELINE_INCIDENT_RESOLVED' } },
    });
    expect(
      await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/resolve`, { resolution }),
    ).toMatchObject({ status: 409, body: { error: { code: 'LIFELINE_INCIDENT_RESOLVED' } } });
  }, 60_000);

  it('opens one by hand, and a user the status answered closes their own case', async () => {
    const opened = await asSupervisor('POST', '/v1/supervisor/incidents', {
      title: 'Payouts delayed',
      category: 'payment',
    });
    expect(opened.status).toBe(201);
    const waiting = await report('payout-user', {
      channel: 'text',
      language: 'pt',
      text: 'where is my money',
    });
    await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/cases`, {
      requestIds: [waiting.id],
    });
    await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/status`, {
      message: 'Payouts are a day late this week.',
    });
    const solved = await api(first, 'POST', `/v1/help-requests/${waiting.id}/incident-answer`, {
      token: waiting.accessToken,
      body: { answer: 'solved' },
    });
    expect(solved).toEqual({ status: 200, body: { id: waiting.id, state: 'cancelled' } });
    const metrics = await api(first, 'GET', '/metrics');
    expect(metrics.body).toMatch(/lifeline_answered_by_incident_status_total\{how="status"\} 1/);
    const listed = (await asSupervisor('GET', '/v1/supervisor/incidents')).body.incidents;
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: opened.body.id,
        title: 'Payouts delayed',
        category: 'payment',
        answered: 1,
      }),
    );
  }, 30_000);
});

describe('refusals, each with a code', () => {
  it('answers unknown incidents, other roles, other users and bad bodies with coded errors', async () => {
    const unknown = await asSupervisor('POST', '/v1/supervisor/incidents/no-such-incident/status', {
      message: 'hello',
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'LIFELINE_INCIDENT_NOT_FOUND' } } });
    for (const path of ['resolve', 'cases']) {
      const body = path === 'resolve' ? { resolution: 'done' } : { requestIds: ['x'] };
      expect(
        (await asSupervisor('POST', `/v1/supervisor/incidents/no-such-incident/${path}`, body)).body,
      ).toEqual({
        error: { code: 'LIFELINE_INCIDENT_NOT_FOUND', message: expect.any(String) },
      });
    }

    const agent = await createAgent(first, cluster.config);
    const opened = await asSupervisor('POST', '/v1/supervisor/incidents', {
      title: 'Chat down',
      category: 'technical',
    });
    const asAgent = await api(first, 'POST', `/v1/supervisor/incidents/${opened.body.id}/status`, {
      token: agent.token,
      body: { message: 'hi' },
    });
    expect(asAgent).toMatchObject({ status: 403, body: { error: { code: 'LIFELINE_FORBIDDEN' } } });

    const statusPath = `/v1/supervisor/incidents/${opened.body.id}/status`;
    for (const body of [
      {},
      { message: '' },
      { message: '   ' },
      { message: 'x'.repeat(1001) },
      { message: 'a', extra: 1 },
    ])
      expect(await asSupervisor('POST', statusPath, body)).toMatchObject({
        status: 400,
        body: { error: { code: 'LIFELINE_VALIDATION' } },
      });
    expect(await asSupervisor('POST', statusPath, 'not json')).toMatchObject({ status: 400 });
    for (const body of [
      { title: 'x' },
      { title: 'x', category: 'weather' },
      { title: '', category: 'payment' },
    ])
      expect((await asSupervisor('POST', '/v1/supervisor/incidents', body)).body.error.code).toBe(
        'LIFELINE_VALIDATION',
      );
    expect(
      (await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/cases`, { requestIds: [] }))
        .body.error.code,
    ).toBe('LIFELINE_VALIDATION');

    const mine = await report('answering-user', { channel: 'text', language: 'pt', text: 'the app is slow' });
    const other = await report('other-user', { channel: 'text', language: 'pt', text: 'the app is slow' });
    const answer = (id: string, token: string, body: unknown) =>
      api(first, 'POST', `/v1/help-requests/${id}/incident-answer`, { token, body });
    expect((await answer(other.id, mine.accessToken, { answer: 'solved' })).body.error.code).toBe(
      'LIFELINE_FORBIDDEN',
    );
    expect((await answer(mine.id, agent.token, { answer: 'solved' })).body.error.code).toBe(
      'LIFELINE_FORBIDDEN',
    );
    expect((await answer(mine.id, mine.accessToken, { answer: 'maybe' })).body.error.code).toBe(
      'LIFELINE_VALIDATION',
    );
    expect(await answer(mine.id, mine.accessToken, { answer: 'still_need_help' })).toMatchObject({
      status: 409,
      body: { error: { code: 'LIFELINE_NOT_IN_INCIDENT' } },
    });
  }, 30_000);
});
