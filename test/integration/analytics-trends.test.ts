import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendsReply } from '../../core/protocol/analytics.js';
import { seedCase, type SeedCase } from '../support/analyticsSeed.js';
import { api, createAgent, createSupervisor } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let app: Instance;
let supervisor: string;

/** A case opened (and queued) at `at` with its own text, in a category. */
const opened = (
  id: string,
  at: string,
  text: string,
  category = 'general',
  lines: SeedCase['lines'] = [],
) => ({
  id,
  createdAt: at,
  text,
  category,
  lines,
  events: [{ state: 'queued', at }],
});

beforeAll(async () => {
  cluster = await startCluster(1);
  app = cluster.instances[0]!;
  supervisor = (await createSupervisor(app, cluster.config)).token;
  // Three days of baseline, three cases with text each (9): payout 3, login 3, crashing 1.
  const baseline = [
    ['2026-02-20', ['My payout is late', 'cannot login to my account', 'hello need help']],
    ['2026-02-21', ['payout still late', 'cannot login', 'stream crashing again']],
    ['2026-02-22', ['payout missing', 'login broken', 'hello']],
  ] as const;
  const seeds: SeedCase[] = baseline.flatMap(([day, texts]) =>
    texts.map((text, i) => opened(`b-${day}-${i}`, `${day}T10:0${i}:00Z`, text, 'payment')),
  );
  // The last day, nine cases with text: crashing in 4 (one says it again in a line: still one case),
  // a Chinese report three times, refund once, payout once.
  const last = '2026-02-23';
  for (let i = 0; i < 4; i += 1)
    seeds.push(
      opened(`crash-${i}`, `${last}T09:0${i}:00Z`, 'Stream keeps crashing', 'technical', [
        ...(i === 0 ? [{ at: `${last}T09:30:00Z`, body: 'still crashing, crashing!' }] : []),
      ]),
    );
  for (let i = 0; i < 3; i += 1)
    seeds.push(opened(`zh-${i}`, `${last}T11:0${i}:00Z`, '我的直播间被封了', 'technical'));
  seeds.push(opened('refund', `${last}T12:00:00Z`, 'Refund "now", please', 'payment'));
  seeds.push(opened('payout', `${last}T13:00:00Z`, 'payout late', 'payment'));
  for (const seed of seeds) await seedCase(app.app.db, seed);
});
afterAll(() => cluster?.close());

const trends = async (query: string) =>
  (await api(app, 'GET', `/v1/supervisor/analytics/trends?${query}`, { token: supervisor }))
    .body as TrendsReply;

describe('keyword and topic trends', () => {
  it('lists every day with its top terms and topics, counting a term once per case', async () => {
    const body = await trends('from=2026-02-19&to=2026-02-23&top=3');
    expect(body.days.map((d) => [d.day, d.cases])).toEqual([
      ['2026-02-19', 0],
      ['2026-02-20', 3],
      ['2026-02-21', 3],
      ['2026-02-22', 3],
      ['2026-02-23', 9],
    ]);
    expect(body.days[0]).toEqual({ day: '2026-02-19', cases: 0, terms: [], topics: [] });
    // Stop words (my, is, to, still...) and greetings are left out.
    expect(body.days[1]!.terms.map((t) => t.term)).toEqual(['account', 'cannot', 'help']);
    const lastDay = body.days[4]!;
    expect(lastDay.terms[0]).toEqual({ term: 'crashing', mentions: 4, share: 0.4444 });
    expect(lastDay.topics).toEqual([
      { term: 'technical', mentions: 7, share: 0.7778 },
      { term: 'payment', mentions: 2, share: 0.2222 },
    ]);
  });

  it('marks what rises on the last day against the days before, with a minimum count', async () => {
    const body = await trends('from=2026-02-20&to=2026-02-23');
    expect(body.rule).toEqual({ minMentions: 3, minLift: 2 });
    const rising = new Map(body.rising.map((r) => [`${r.kind}:${r.term}`, r]));
    // 4 of 9 cases against 1 of 9 before: four times its baseline.
    expect(rising.get('term:crashing')).toEqual({
      kind: 'term',
      term: 'crashing',
      mentions: 4,
      share: 0.4444,
      baselineShare: 0.1111,
      lift: 4,
    });
    // Never seen before and in three cases: new, so no lift to give.
    expect(rising.get('term:直播')).toMatchObject({ mentions: 3, lift: null });
    expect(rising.get('term:被封')).toMatchObject({ mentions: 3, lift: null });
    // Pairs holding a particle or pronoun are no terms at all.
    expect(body.days.at(-1)!.terms.map((t) => t.term)).not.toContain('我的');
    // New too, but in one case only: one mention does not rise.
    expect(rising.has('term:refund')).toBe(false);
    expect(body.days.at(-1)!.terms.find((t) => t.term === 'refund')).toMatchObject({ mentions: 1 });
    // Mentioned less than before.
    expect(rising.has('term:payout')).toBe(false);
    expect(rising.get('topic:technical')).toMatchObject({ mentions: 7, lift: null });
    expect(rising.has('topic:payment')).toBe(false);
  });

  it('exports the trends as CSV', async () => {
    const response = await fetch(
      `${app.url}/v1/supervisor/analytics/trends.csv?from=2026-02-20&to=2026-02-23&top=2`,
      {
        headers: { authorization: `Bearer ${supervisor}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="lifeline-trends-2026-02-20-2026-02-23.csv"',
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('day,kind,term,mentions,share,rising,lift');
    expect(lines).toContain('2026-02-23,term,crashing,4,0.4444,yes,4');
    expect(lines).toContain('2026-02-20,topic,payment,3,1,no,');
    // Rising below the day's top two still exported.
    expect(lines).toContain('2026-02-23,term,直播,3,0.3333,yes,');
  });

  it('refuses a bad range and anyone but a supervisor', async () => {
    const agent = await createAgent(app, cluster.config);
    const bad = await api(app, 'GET', '/v1/supervisor/analytics/trends?from=2026-02-23&to=2026-02-20', {
      token: supervisor,
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'LIFELINE_ANALYTICS_WINDOW' } } });
    const forbidden = await api(app, 'GET', '/v1/supervisor/analytics/trends?from=2026-02-20&to=2026-02-23', {
      token: agent.token,
    });
    expect(forbidden.status).toBe(403);
  });
});
