import { LifelineError } from '../../core/errors/LifelineError.js';
import { sql, type Kysely } from 'kysely';
import type { AnalyticsWindow } from '../../core/analytics/window.js';
import type { ContactSums, SessionSums } from '../../core/analytics/metrics.js';
import { bucketOf, bucketsOf, contactsIn, contactSums, withoutJit, type Bounds } from './analyticsSql.js';
import type { Database } from './schema.js';

/** What routing and the breakdowns tell contacts and sessions apart by. */
export interface GroupKey {
  tier: string;
  category: string;
  language: string;
  channel: string;
  /** Who answered (contacts) or served (sessions); null for a contact nobody answered. */
  agentId: string | null;
}

export type ContactGroup = GroupKey & ContactSums;
export type SessionGroup = GroupKey & SessionSums;
export type ContactBucket = ContactSums & { start: Date };

export interface IncidentBucket {
  start: Date;
  opened: number;
  linkedReports: number;
}

const num = (value: unknown) => Number(value ?? 0);

const contactSumsOf = (row: Record<string, unknown>): ContactSums => ({
  offered: num(row.offered),
  answered: num(row.answered),
  answeredWithinTarget: num(row.answered_within_target),
  abandoned: num(row.abandoned),
  cancelled: num(row.cancelled),
  waitSeconds: num(row.wait_seconds),
});

const keyOf = (row: Record<string, unknown>): GroupKey => ({
  tier: String(row.tier),
  category: String(row.category),
  language: String(row.language),
  channel: String(row.channel),
  agentId: row.agent_id == null ? null : String(row.agent_id),
});

/**
 * The supervisor's analytics from the system of record: sums per group and per bucket, all added
 * up by PostgreSQL. Empty buckets come from generate_series, so every bucket has a row.
 */
export class AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The window's instants and bucket starts, worked out in the window's own time zone. */
  async bounds(window: AnalyticsWindow, now: Date): Promise<Bounds> {
    const { tz } = window;
    const series =
      window.kind === '15m'
        ? sql`select generate_series(date_trunc('minute', ${now}::timestamptz) - interval '14 minutes',
                                     ${now}::timestamptz, interval '1 minute') as start`
        : window.kind === 'today'
          ? sql`select generate_series(date_trunc('day', ${now}::timestamptz, ${tz}), ${now}::timestamptz,
                                       interval '1 hour') as start`
          : // Local days: a day in which the clocks change is 23 or 25 hours long.
            sql`select d at time zone ${tz} as start
                from generate_series(${window.fromDate}::date::timestamp, ${window.toDate}::date::timestamp,
                                     interval '1 day') d`;
    const end =
      window.kind === 'range' ? sql`(${window.toDate}::date + 1)::timestamp at time zone ${tz}` : sql`${now}`;
    const query = sql<{ starts: Date[]; to: Date }>`
      select array(select b.start from (${series}) b order by b.start) as starts, (${end})::timestamptz as "to"`;
    const { rows } = await query.execute(this.db).catch((error: unknown) => {
      // A zone Intl knows but PostgreSQL does not (22023): the caller's mistake, not a 500.
      if ((error as { code?: string }).code === '22023')
        throw new LifelineError('LIFELINE_ANALYTICS_WINDOW', `Unknown time zone: ${tz.slice(0, 64)}`);
      throw error;
    });
    const { starts, to } = rows[0]!;
    return { from: starts[0] ?? to, to, starts, unit: window.bucket, tz };
  }

  /** Contacts that arrived in the window, summed per routing attributes and answering agent. */
  async contactGroups(bounds: Bounds, targetSeconds: number): Promise<ContactGroup[]> {
    const { rows } = await withoutJit(this.db, (tx) =>
      sql<Record<string, unknown>>`
      select k.tier, k.category, k.language, k.channel, k.agent_id, ${contactSums(targetSeconds)}
      from (${contactsIn(bounds.from, bounds.to)}) k
      group by 1, 2, 3, 4, 5`.execute(tx),
    );
    return rows.map((row) => ({ ...keyOf(row), ...contactSumsOf(row) }));
  }

  /** Sessions (calls and conversations) that ended in the window, with their ratings. */
  async sessionGroups(bounds: Bounds): Promise<SessionGroup[]> {
    const rows = await withoutJit(this.db, (tx) =>
      tx
        .selectFrom('calls as k')
        .innerJoin('cases as c', 'c.id', 'k.case_id')
        .select(['c.tier', 'c.category', 'c.language', 'c.channel', 'k.agent_id'])
        .select([
          sql<number>`count(*)::int`.as('handled'),
          sql<number>`sum(extract(epoch from k.ended_at - k.started_at))::float8`.as('handle_seconds'),
          sql<number>`count(k.rating)::int`.as('ratings'),
          sql<number>`coalesce(sum(k.rating), 0)::int`.as('rating_stars'),
        ])
        .where('k.ended_at', '>=', bounds.from)
        .where('k.ended_at', '<', bounds.to)
        .groupBy(['c.tier', 'c.category', 'c.language', 'c.channel', 'k.agent_id'])
        .execute(),
    );
    return rows.map((row) => ({
      ...keyOf(row),
      handled: num(row.handled),
      handleSeconds: num(row.handle_seconds),
      ratings: num(row.ratings),
      ratingStars: num(row.rating_stars),
    }));
  }

  /** Contacts per bucket by arrival, every bucket present. */
  async contactSeries(bounds: Bounds, targetSeconds: number): Promise<ContactBucket[]> {
    const { rows } = await withoutJit(this.db, (tx) =>
      sql<Record<string, unknown>>`
      with buckets as (${bucketsOf(bounds)}),
           k as (${contactsIn(bounds.from, bounds.to)})
      select b.start, ${contactSums(targetSeconds)}
      from buckets b
      left join k on ${bucketOf(sql`k.queued_at`, bounds)} = b.start
      group by b.start
      order by b.start`.execute(tx),
    );
    return rows.map((row) => ({ start: new Date(row.start as Date), ...contactSumsOf(row) }));
  }

  /** Incidents opened, and reports linked to incidents, per bucket. */
  async incidentSeries(bounds: Bounds): Promise<IncidentBucket[]> {
    const { from, to } = bounds;
    const { rows } = await withoutJit(this.db, (tx) =>
      sql<{ start: Date; opened: number; linked: number }>`
      with buckets as (${bucketsOf(bounds)}),
           opened as (
             select ${bucketOf(sql`opened_at`, bounds)} as start, count(*)::int as n from incidents
             where opened_at >= ${from} and opened_at < ${to} group by 1),
           linked as (
             select ${bucketOf(sql`linked_at`, bounds)} as start, count(*)::int as n from incident_cases
             where linked_at >= ${from} and linked_at < ${to} group by 1)
      select b.start, coalesce(o.n, 0) as opened, coalesce(l.n, 0) as linked
      from buckets b
      left join opened o on o.start = b.start
      left join linked l on l.start = b.start
      order by b.start`.execute(tx),
    );
    return rows.map((row) => ({ start: new Date(row.start), opened: row.opened, linkedReports: row.linked }));
  }
}
