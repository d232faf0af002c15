import type { CaseRow } from '../../platform/db/schema.js';
import type { Dispatcher } from './Dispatcher.js';
import type { RoutingDeps } from './deps.js';
import { toNewRequest } from './QueueRebuild.js';

/** How far back a case may have been stranded: an instance that died longer ago left nothing newer. */
const LOOKBACK_MS = 15 * 60_000;
/** Stranded cases looked at per pass; more wait for the next. */
const BATCH = 500;

export interface StrandedCasesDeps extends Pick<RoutingDeps, 'queue' | 'now' | 'settings' | 'log'> {
  cases: {
    queuedBetween(fromMs: number, toMs: number, limit: number): Promise<CaseRow[]>;
    discard(id: string): Promise<void>;
    requeueLost(ids: readonly string[], at: number): Promise<number>;
  };
  /** One instance per period: true for the instance that takes this pass. */
  claim(periodMs: number): Promise<boolean>;
  /** How long a create may take between its insert and its enqueue. */
  settleMs: number;
  /** Creation time up to which waiting cases have been looked at, shared by the instances. */
  cursor: { get(): Promise<number | null>; set(ms: number): Promise<void> };
}

/**
 * A case is written to PostgreSQL before it is queued in Redis. An instance killed between the
 * two leaves a case nobody would serve until Redis is next rebuilt. Every `settleMs`, one instance
 * looks at recent waiting cases old enough to have been queued and queues those Redis does not
 * hold, with their rank. One whose user has opened another case since (they retried) is dropped,
 * as the create path drops a duplicate. One the assistant was to hold goes to a person instead:
 * its answer was never given.
 */
export class StrandedCases {
  constructor(
    private readonly deps: StrandedCasesDeps,
    private readonly dispatcher: Pick<Dispatcher, 'requestWaiting'>,
  ) {}

  /** Returns how many stranded cases were queued (0 when another instance took this pass). */
  async maybeRun(): Promise<number> {
    const { queue, now, settleMs } = this.deps;
    if (!(await queue.hasEpoch()) || !(await this.deps.claim(settleMs))) return 0;
    // Each case is looked at once: from where the last pass stopped (or the lookback) to cases
    // old enough that their create must have written them by now.
    const upTo = now() - settleMs;
    const from = Math.max((await this.deps.cursor.get()) ?? 0, upTo - LOOKBACK_MS);
    const rows = await this.deps.cases.queuedBetween(from, upTo, BATCH);
    const held = await Promise.all(rows.map(async (row) => (await queue.getRequest(row.id)) !== null));
    let queued = 0;
    for (const row of rows.filter((_, i) => !held[i])) if (await this.requeue(row)) queued += 1;
    const last = rows.at(-1);
    await this.deps.cursor.set(rows.length < BATCH || !last ? upTo : new Date(last.created_at).getTime());
    if (queued > 0) this.deps.log.warn({ queued }, 'queued cases an instance wrote but never queued');
    return queued;
  }

  private async requeue(row: CaseRow): Promise<boolean> {
    const { queue, now, settings } = this.deps;
    const result = await queue.enqueue(toNewRequest(row), row.rank, {
      maxWaiting: Number.MAX_SAFE_INTEGER,
      activeTtlMs: settings.retentionMs,
      abandonAt: now() + settings.abandonGraceMs,
    });
    if (result.status === 'ACTIVE') await this.deps.cases.discard(row.id);
    if (result.status !== 'OK') return false;
    if (row.state === 'assistant') await this.deps.cases.requeueLost([row.id], now());
    this.dispatcher.requestWaiting(row.id);
    return true;
  }
}
