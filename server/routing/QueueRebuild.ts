import type { CaseRow } from '../../platform/db/schema.js';
import type { NewRequest } from '../../platform/stores/records.js';
import type { Dispatcher } from './Dispatcher.js';
import type { RoutingDeps } from './deps.js';
import { keepRecord } from './keepRecord.js';

/** How long one instance may hold the rebuild before another may take it over. */
const REBUILD_CLAIM_MS = 60_000;
/** Open cases read per query while rebuilding. */
const PAGE = 10_000;

/** A case as the hot queue holds it, from its row in the system of record. */
export function toNewRequest(row: CaseRow): NewRequest {
  return {
    id: row.id,
    userId: row.user_id,
    tier: row.tier as NewRequest['tier'],
    channel: row.channel as NewRequest['channel'],
    media: (row.media ?? undefined) as NewRequest['media'],
    language: row.language,
    category: row.category,
    text: row.text ?? undefined,
    score: row.score,
    level: row.level as NewRequest['level'],
    reasons: row.reasons,
    sentiment: (row.sentiment ?? undefined) as NewRequest['sentiment'],
    stream: row.stream ?? undefined,
    createdAt: new Date(row.created_at).getTime(),
  };
}

/**
 * Redis holds the hot queue; PostgreSQL holds every case. When Redis comes back empty (FLUSHALL,
 * or a restart without persistence), one instance puts every open case back in the queue with
 * the rank it had, so the order is the same. Cases that were with an agent go back to waiting:
 * their sessions were in the lost state. Users' sockets are registered again by each instance's
 * resync, and their abandon clocks give them the grace period to come back.
 */
export class QueueRebuild {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Returns how many cases were put back (0 when the queue was intact or another instance is on it). */
  async ensure(): Promise<number> {
    const { queue } = this.deps;
    if (await queue.hasEpoch()) return 0;
    if (!(await queue.claimRebuild(REBUILD_CLAIM_MS))) return 0;
    let restored = 0;
    for (const row of await this.deps.cases.openCases(PAGE * 100)) {
      if (await this.restore(row)) restored += 1;
    }
    await queue.markBuilt(this.deps.now());
    if (restored > 0) {
      this.deps.log.warn({ restored }, 'Redis had lost the queue: open cases restored from the database');
      await this.deps.bus.publish({ t: 'queue-changed' });
      this.dispatcher.reconcile();
    }
    return restored;
  }

  private async restore(row: CaseRow): Promise<boolean> {
    const { queue, now, settings } = this.deps;
    const result = await queue.enqueue(toNewRequest(row), row.rank, {
      maxWaiting: Number.MAX_SAFE_INTEGER,
      activeTtlMs: settings.retentionMs,
      abandonAt: now() + settings.abandonGraceMs,
    });
    if (result.status !== 'OK') return false;
    if (row.state !== 'queued')
      await keepRecord(
        this.deps,
        'restore',
        this.deps.cases.transition(row.id, 'queued', 'state_store_lost', now()),
      );
    return true;
  }
}
