import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/schema.js';
import { answered, seedCase, unanswered } from '../support/analyticsSeed.js';
import { api, createAgent, createSupervisor } from '../support/clients.js';
import { startCluster, startInstance, type Cluster, type Instance } from '../support/cluster.js';

/** The fixed-clock instance's now: 12:07:30 UTC, so 15m covers 11:53–12:07 and today 00:00–12:00. */
const NOW = Date.parse('2026-03-10T12:07:30Z');

let cluster: Cluster;
let fixed: Instance;
let db: Kysely<Database>;
let supervisor: string;
let agentToken: string;
let ada: string;
let bo: string;

const get = (path: string, token = supervisor) => api(fixed, 'GET', path, { token });

beforeAll(async () => {
  cluster = await startCluster(1, { SERVICE_LEVEL_TARGET_SECONDS: '60', ANALYTICS_MAX_RANGE_DAYS: '31' });
  fixed = await startInstance(cluster.config, { now: () => NOW });
  db = fixed.app.db;
  supervisor = (await createSupervisor(fixed, cluster.config)).token;
  const first = await createAgent(fixed, cluster.config, { name: 'Ada "Ace", Lovelace' });
  agentToken = first.token;
  ada = first.id;
  bo = (await createAgent(fixed, cluster.config, { name: 'Bo' })).id;
  const seeds = [
    answered('c1', '2026-03-02T10:00:00Z', ada, 20, 300, { category: 'account_security', rating: 5 }),
    answered('c2', '2026-03-02T11:00:00Z', bo, 90, 120, { category: 'payment', rating: 3 }),
    unanswered('c3', '2026-03-02T12:00:00Z', 'abandoned', '2026-03-02T12:02:00Z', {
      category: 'payment',
      language: 'es',
    }),
    answered('c4', '2026-03-04T09:00:00Z', ada, 40, 600, { category: 'account_security', language: 'es' }),
    unanswered('c5', '2026-03-04T09:30:00Z', 'cancelled', '2026-03-04T09:31:00Z', { category: 'payment' }),
    // The assistant answered it alone: never offered to a person.
    {
      id: 'c6',
      createdAt: '2026-03-04T08:00:00Z',
      events: [
        { state: 'assistant', at: '2026-03-04T08:00:00Z' },
        { state: 'self_served', at: '2026-03-04T08:02:00Z' },
      ],
    },
    // First queued before the range; its follow-up session ends in it (handled, rated) but is no new contact.
    {
      id: 'c7',
      createdAt: '2026-03-01T23:00:00Z',
      events: [
        { state: 'queued', at: '2026-03-01T23:00:00Z' },
        { state: 'assigned', at: '2026-03-01T23:00:10Z' },
        { state: 'ended', at: '2026-03-01T23:05:00Z' },
        { state: 'queued', at: '2026-03-04T10:00:00Z', reason: 'follow_up' },
        { state: 'assigned', at: '2026-03-04T10:00:05Z' },
        { state: 'ended', at: '2026-03-04T10:02:05Z' },
      ],
      calls: [
        { agentId: bo, start: '2026-03-01T23:00:10Z', end: '2026-03-01T23:05:00Z' },
        { agentId: bo, start: '2026-03-04T10:00:05Z', end: '2026-03-04T10:02:05Z', rating: 4 },
      ],
    },
    // Around the fixed now: one in the last 15 minutes (answered, still open), one before them.
    answered('c9', '2026-03-10T12:05:10Z', ada, 5, null),
    unanswered('c10', '2026-03-10T11:40:00Z', 'abandoned', '2026-03-10T11:45:00Z'),
  ];
  for (const seed of seeds) await seedCase(db, seed);
  await db
    .insertInto('incidents')
    .values({
      id: 'i1',
      keyword: 'outage',
      opened_at: '2026-03-03T08:00:00Z',
      last_at: '2026-03-04T09:30:00Z',
      users: 2,
    })
    .execute();
  await db
    .insertInto('incident_cases')
    .values([
      { incident_id: 'i1', case_id: 'c4', linked_at: '2026-03-04T09:00:00Z' },
      { incident_id: 'i1', case_id: 'c5', linked_at: '2026-03-04T09:30:00Z' },
    ])
    .execute();
});
afterAll(async () => {
  await fixed?.app.close();
  await cluster?.close();
});

const range = '/v1/supervisor/analytics?window=range&from=2026-03-02&to=2026-03-04';

describe('supervisor analytics from PostgreSQL', () => {
  it('reports service level, ASA, AHT, abandonment and CSAT over a date range', async () => {
    const { status, body } = await get(range);
    expect(status).toBe(200);
    expect(body.window).toEqual({
      kind: 'range',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-05T00:00:00.000Z',
      tz: 'UTC',
      bucket: 'day',
      serviceLevelTargetSeconds: 60,
    });
    // Offered c1–c5; answered c1 (20 s), c2 (90 s), c4 (40 s); c3 abandoned, c5 cancelled.
    // Handled: c1 300 s, c2 120 s, c4 600 s and c7's follow-up 120 s; rated 5, 3 and 4.
    expect(body.overall).toEqual({
      offered: 5,
      answered: 3,
      answeredWithinTarget: 2,
      abandoned: 1,
      cancelled: 1,
      serviceLevel: 0.5,
      asaSeconds: 50,
      abandonmentRate: 0.25,
      handled: 4,
      ahtSeconds: 285,
      csat: { mean: 4, count: 3 },
    });
  });

  it('breaks the figures down by queue, category, language and agent', async () => {
    const { body } = await get(range);
    const byKey = (rows: { key: string }[]) => Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(body.queueSource).toBe('category');
    expect(body.breakdown.queue).toEqual(body.breakdown.category);
    const category = byKey(body.breakdown.category);
    expect(category.account_security).toMatchObject({
      offered: 2,
      answered: 2,
      serviceLevel: 1,
      asaSeconds: 30,
      handled: 2,
      ahtSeconds: 450,
      csat: { mean: 5, count: 1 },
    });
    expect(category.payment).toMatchObject({
      offered: 3,
      answered: 1,
      abandoned: 1,
      cancelled: 1,
      serviceLevel: 0,
      asaSeconds: 90,
      abandonmentRate: 0.5,
    });
    // Only a session ended: no contact to divide by, so no service level rather than 0 %.
    expect(category.general).toMatchObject({ offered: 0, serviceLevel: null, asaSeconds: null, handled: 1 });
    const language = byKey(body.breakdown.language);
    expect(language.en).toMatchObject({ offered: 3, answered: 2, serviceLevel: 0.5, asaSeconds: 55 });
    expect(language.es).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 0.5 });
    expect(body.breakdown.agent).toEqual([
      {
        agentId: ada,
        name: 'Ada "Ace", Lovelace',
        answered: 2,
        asaSeconds: 30,
        handled: 2,
        ahtSeconds: 450,
        csat: { mean: 5, count: 1 },
      },
      {
        agentId: bo,
        name: 'Bo',
        answered: 1,
        asaSeconds: 90,
        handled: 2,
        ahtSeconds: 120,
        csat: { mean: 3.5, count: 2 },
      },
    ]);
  });

  it('gives every bucket, empty ones included, with incidents over time', async () => {
    const { body } = await get(range);
    expect(body.series).toEqual([
      {
        start: '2026-03-02T00:00:00.000Z',
        offered: 3,
        answered: 2,
        abandoned: 1,
        serviceLevel: 1 / 3,
        asaSeconds: 55,
      },
      {
        start: '2026-03-03T00:00:00.000Z',
        offered: 0,
        answered: 0,
        abandoned: 0,
        serviceLevel: null,
        asaSeconds: null,
      },
      {
        start: '2026-03-04T00:00:00.000Z',
        offered: 2,
        answered: 1,
        abandoned: 0,
        serviceLevel: 1,
        asaSeconds: 40,
      },
    ]);
    expect(body.incidents).toEqual([
      { start: '2026-03-02T00:00:00.000Z', opened: 0, linkedReports: 0 },
      { start: '2026-03-03T00:00:00.000Z', opened: 1, linkedReports: 0 },
      { start: '2026-03-04T00:00:00.000Z', opened: 0, linkedReports: 2 },
    ]);
  });

  it('counts days in the time zone asked for', async () => {
    const { body } = await get(`${range}&tz=Asia/Shanghai`);
    expect(body.window).toMatchObject({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-04T16:00:00.000Z' });
    expect(body.series.map((p: { start: string }) => p.start)).toEqual([
      '2026-03-01T16:00:00.000Z',
      '2026-03-02T16:00:00.000Z',
      '2026-03-03T16:00:00.000Z',
    ]);
  });

  it('buckets the last 15 minutes by minute and today by hour', async () => {
    const quarter = (await get('/v1/supervisor/analytics?window=15m')).body;
    expect(quarter.series).toHaveLength(15);
    expect(quarter.series[0].start).toBe('2026-03-10T11:53:00.000Z');
    expect(quarter.series[14].start).toBe('2026-03-10T12:07:00.000Z');
    const busy = quarter.series.filter((p: { offered: number }) => p.offered > 0);
    expect(busy).toEqual([
      {
        start: '2026-03-10T12:05:00.000Z',
        offered: 1,
        answered: 1,
        abandoned: 0,
        serviceLevel: 1,
        asaSeconds: 5,
      },
    ]);
    expect(quarter.overall).toMatchObject({ offered: 1, answered: 1, handled: 0, ahtSeconds: null });

    const today = (await get('/v1/supervisor/analytics?window=today')).body;
    expect(today.window).toMatchObject({ bucket: 'hour', from: '2026-03-10T00:00:00.000Z' });
    expect(today.series).toHaveLength(13);
    expect(today.series[11]).toMatchObject({ start: '2026-03-10T11:00:00.000Z', offered: 1, abandoned: 1 });
    expect(today.overall).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 0.5 });
  });

  it('exports the breakdown as CSV with quoted fields', async () => {
    const response = await fetch(`${fixed.url}${range.replace('analytics?', 'analytics.csv?')}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="lifeline-analytics-range-2026-03-02.csv"',
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'dimension,key,offered,answered,abandoned,cancelled,service_level,asa_seconds,abandonment_rate,handled,aht_seconds,csat_mean,csat_count',
    );
    expect(lines[1]).toBe('overall,all,5,3,1,1,0.5,50,0.25,4,285,4,3');
    expect(lines).toContain('agent,"Ada ""Ace"", Lovelace",,2,,,,30,,2,450,5,1');
  });

  it('refuses bad windows with a stable code, too long a range, and anyone but a supervisor', async () => {
    const code = async (path: string) => (await get(path)).body.error?.code;
    expect(await code('/v1/supervisor/analytics?window=week')).toBe('LIFELINE_VALIDATION');
    expect(await code('/v1/supervisor/analytics?window=range&from=2026-03-02')).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(await code('/v1/supervisor/analytics?window=range&from=2026-02-30&to=2026-03-02')).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(await code('/v1/supervisor/analytics?window=range&from=2026-03-05&to=2026-03-02')).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(await code('/v1/supervisor/analytics?window=15m&tz=Mars/Olympus')).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(await code('/v1/supervisor/analytics?window=today&from=2026-03-02')).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    const tooLong = await get('/v1/supervisor/analytics?window=range&from=2026-01-01&to=2026-02-01');
    expect(tooLong).toMatchObject({
      status: 400,
      body: { error: { code: 'LIFELINE_RANGE_TOO_LONG' } },
    });
    expect((await get('/v1/supervisor/analytics/trends?from=2026-01-01&to=2026-02-01')).status).toBe(400);
    expect((await get('/v1/supervisor/analytics?window=15m', agentToken)).status).toBe(403);
    expect(
      (await get('/v1/supervisor/analytics/trends.csv?from=2026-03-01&to=2026-03-02', agentToken)).status,
    ).toBe(403);
    expect((await api(fixed, 'GET', '/v1/supervisor/analytics?window=15m')).status).toBe(401);
  });

  it('breaks down by the routing policy’s queues when one is in force', async () => {
    const policy = {
      version: 1,
      defaultQueue: 'standard',
      queues: [{ name: 'billing', match: [{ categories: ['payment'] }] }, { name: 'standard' }],
    };
    const put = await api(fixed, 'PUT', '/v1/admin/routing-policy', {
      token: cluster.config.secrets.admin,
      body: policy,
    });
    expect(put.status).toBe(200);
    const { body } = await get(range);
    expect(body.queueSource).toBe('policy');
    const queues = body.breakdown.queue.map((q: { key: string; offered: number; handled: number }) => [
      q.key,
      q.offered,
      q.handled,
    ]);
    expect(queues).toEqual([
      ['billing', 3, 1],
      ['standard', 2, 3],
    ]);
  });
});
