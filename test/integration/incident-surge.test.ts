import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import { within } from '../support/apiProcess.js';
import type { Desk } from '../support/desk.js';
import { IncidentFloor } from '../support/incidentFloor.js';

/**
 * Incidents under strain: a few hundred linked users told and resolved at once, and a resolution
 * whose instance died after marking the incident resolved and before closing its linked cases,
 * which another instance finishes. Requests are Portuguese or Basque text, which no agent serves.
 */
const floor = new IncidentFloor({ INCIDENT_MIN_USERS: '3', INCIDENT_RESOLUTION_RESUME_MS: '500' });
let { cluster, db } = {} as Desk;
const { report, asSupervisor, connect } = floor;

beforeAll(async () => {
  ({ cluster, db } = await floor.start());
});
afterAll(floor.close);

describe('an interrupted incident resolution', () => {
  it('is finished by another instance: every linked waiting case closes, once', async () => {
    const reports: { id: string }[] = [];
    for (const sub of ['eu-1', 'eu-2', 'eu-3'])
      reports.push(await report(sub, { channel: 'text', language: 'eu', text: 'someone hacked my account' }));
    const incidents = await asSupervisor('GET', '/v1/supervisor/incidents');
    const incident = incidents.body.incidents.find((i: { keyword?: string }) => i.keyword === 'hacked');
    expect(incident).toMatchObject({ cases: 3 });

    // What an instance leaves when it dies right after the mark: resolved, no case closed yet.
    const marked = await new IncidentStatusRepository(db).resolve(incident.id, 'Fixed.', Date.now() - 1000);
    expect(marked.change).toBe('ok');
    const states = async () =>
      (
        await db
          .selectFrom('cases')
          .select('state')
          .where(
            'id',
            'in',
            reports.map((r) => r.id),
          )
          .execute()
      ).map((row) => row.state);
    expect(await states()).toEqual(['queued', 'queued', 'queued']);

    await within(5000, async () => (await states()).every((state) => state === 'resolved_by_incident'));
    for (const { id } of reports)
      expect(await cluster.redis.hget(`${cluster.config.keyPrefix}req:${id}`, 'state')).toBe(
        'resolved_by_incident',
      );
    // Marked done once its cases are closed and counted: a moment after the last close.
    const doneAt = async () =>
      (
        await db
          .selectFrom('incidents')
          .select('resolution_done_at')
          .where('id', '=', incident.id)
          .executeTakeFirstOrThrow()
      ).resolution_done_at;
    await within(3000, async () => (await doneAt()) !== null);
    // A resolve now is refused as ever: the incident was resolved once.
    const again = await asSupervisor('POST', `/v1/supervisor/incidents/${incident.id}/resolve`, {
      resolution: 'Fixed again.',
    });
    expect(again.status).toBe(409);
  });
});

describe('at the scale of a surge', () => {
  it('tells and resolves a few hundred linked users in one call each', async () => {
    const opened = await asSupervisor('POST', '/v1/supervisor/incidents', {
      title: 'Payments failing',
      category: 'payment',
    });
    const cases: { id: string; accessToken: string }[] = [];
    for (let i = 0; i < 200; i += 20)
      cases.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) =>
            report(`surge-${i + j}`, { channel: 'text', language: 'pt', text: 'o pagamento falhou' }),
          ),
        )),
      );
    const linked = await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/cases`, {
      requestIds: cases.map((c) => c.id),
    });
    expect(linked.body).toEqual({ linked: 200 });
    const listening = await Promise.all(cases.slice(0, 20).map((c) => connect(c.accessToken)));

    const postedAt = performance.now();
    await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/status`, {
      message: 'We are on it.',
    });
    await Promise.all(listening.map((socket) => socket.next('incident.status')));
    const toldMs = performance.now() - postedAt;

    const resolvingAt = performance.now();
    const resolved = await asSupervisor('POST', `/v1/supervisor/incidents/${opened.body.id}/resolve`, {
      resolution: 'Payments work again.',
    });
    const resolveMs = performance.now() - resolvingAt;
    expect(resolved.body).toEqual({ closed: 200, keptWaiting: 0, withAgent: 0 });
    await Promise.all(listening.map((socket) => socket.next('request.closed')));
    console.info(
      `incident status to 20 live sockets of 200 linked: ${toldMs.toFixed(0)} ms; resolve closing 200: ${resolveMs.toFixed(0)} ms`,
    );
    await within(10_000, async () => {
      const open = await db
        .selectFrom('cases')
        .select('id')
        .where(
          'id',
          'in',
          cases.map((c) => c.id),
        )
        .where('state', '=', 'queued')
        .execute();
      return open.length === 0;
    });
  }, 60_000);
});
