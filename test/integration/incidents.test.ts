import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createAgent, createHelpRequest, createSupervisor } from '../support/clients.js';
import { deletePrefix } from '../support/cluster.js';
import { DeskHarness, type Desk } from '../support/desk.js';

/** Incidents (one keyword from several users) are kept in PostgreSQL, not only counted in Redis. */
const desk = new DeskHarness({ INCIDENT_MIN_USERS: '3' });
let { cluster, db, first, second } = {} as Desk;

beforeAll(async () => {
  ({ cluster, db, first, second } = await desk.start());
});
afterAll(() => desk.close());

describe('incidents in the system of record', () => {
  it('keeps incidents and their linked cases through a Redis flush of the prefix, and erases with users', async () => {
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
    const supervisor = (await createSupervisor(first, cluster.config)).token;
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

  it('opens one incident for one harm, under its most specific keyword, however many keywords it has', async () => {
    const text = 'Payment failed when I tried to buy coins, I was charged twice';
    const reports = [];
    for (let i = 0; i < 4; i += 1)
      reports.push(
        await createHelpRequest(
          first,
          cluster.config,
          { channel: 'text', language: 'pt', text },
          { sub: `twice-${i}` },
        ),
      );
    const agent = await createAgent(second, cluster.config);
    const listed = (await api(second, 'GET', '/v1/incidents', { token: agent.token })).body.incidents as {
      keyword: string;
      cases: number;
    }[];
    const opened = listed.filter((i) =>
      ['charged twice', 'charged', 'twice', 'coin', 'fail'].includes(i.keyword),
    );
    expect(opened).toEqual([expect.objectContaining({ keyword: 'charged twice', cases: 4 })]);
  });
});
