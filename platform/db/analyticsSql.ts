import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { BucketUnit } from '../../core/protocol/analytics.js';
import { OPEN_CASE_STATES } from './CaseRepository.js';
import type { Database } from './schema.js';

/** The instants a window covers, [from, to), and the start of each of its buckets, oldest first. */
export interface Bounds {
  from: Date;
  to: Date;
  starts: Date[];
  unit: BucketUnit;
  tz: string;
}

/**
 * Contacts that arrived in [from, to): a case's first entry into the line for a person (its first
 * `queued` event; a later one, a follow-up reopening it, is not a new contact), with how that first
 * stay ended: the first call accepted before the case first closed, and the state it closed in.
 */
export function contactsIn(from: Date, to: Date): RawBuilder<unknown> {
  return sql`
    select entered.case_id, entered.queued_at, c.tier, c.category, c.language, c.channel,
           answer.started_at as answered_at, answer.agent_id, closing.state as closed_state
    from (
      select e.case_id, e.at as queued_at
      from case_events e
      where e.state = 'queued' and e.at >= ${from} and e.at < ${to}
        -- Per row through case_events_case: an anti-join would hash every queued event there is.
        and e.id = (
          select p.id from case_events p
          where p.case_id = e.case_id and p.state = 'queued'
          order by p.at, p.id
          limit 1
        )
    ) entered
    join cases c on c.id = entered.case_id
    left join lateral (
      select x.state, x.at from case_events x
      where x.case_id = entered.case_id and x.at >= entered.queued_at
        and x.state <> all(${[...OPEN_CASE_STATES]}::text[])
      order by x.at, x.id
      limit 1
    ) closing on true
    left join lateral (
      select k.started_at, k.agent_id from calls k
      where k.case_id = entered.case_id and k.started_at >= entered.queued_at
        and (closing.at is null or k.started_at <= closing.at)
      order by k.started_at
      limit 1
    ) answer on true`;
}

/** The sums core/analytics/metrics.ts divides, over contacts rows named `k`. */
export function contactSums(targetSeconds: number): RawBuilder<unknown> {
  return sql`
    count(k.case_id)::int as offered,
    count(k.answered_at)::int as answered,
    (count(*) filter (
      where k.answered_at <= k.queued_at + make_interval(secs => ${targetSeconds})
    ))::int as answered_within_target,
    (count(*) filter (where k.answered_at is null and k.closed_state = 'abandoned'))::int as abandoned,
    (count(*) filter (where k.answered_at is null and k.closed_state = 'cancelled'))::int as cancelled,
    coalesce(sum(extract(epoch from k.answered_at - k.queued_at)), 0)::float8 as wait_seconds`;
}

/** The bucket a timestamp falls in: its local minute, hour or day as an instant. */
export function bucketOf(column: RawBuilder<unknown>, bounds: Pick<Bounds, 'unit' | 'tz'>) {
  return sql`date_trunc(${bounds.unit}, ${column}, ${bounds.tz})`;
}

export function bucketsOf(bounds: Pick<Bounds, 'starts'>) {
  return sql`select unnest(${bounds.starts.map((s) => s.toISOString())}::timestamptz[]) as start`;
}

/**
 * Runs analytics queries with PostgreSQL's JIT off. Their estimated cost passes jit_above_cost, but
 * compiling them costs more than it saves: a week of 100,000 cases took 690 ms with it, 290 without.
 */
export function withoutJit<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return work(tx);
  });
}
