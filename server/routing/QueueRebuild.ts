import type { CaseRow, TaskRow } from '../../platform/db/schema.js';
import type { TaskRepository } from '../../platform/db/TaskRepository.js';
import type { RestoredCase } from '../../platform/stores/QueueStore.js';
import type { NewRequest } from '../../platform/stores/records.js';
import type { Dispatcher } from './Dispatcher.js';
import type { RoutingDeps } from './deps.js';
import { keepRecord } from './keepRecord.js';

/** How long one instance may hold the rebuild before another may take it over; renewed per page. */
const REBUILD_CLAIM_MS = 60_000;
/** Open cases read per page. */
const PAGE = 2000;
/** Open cases put back per Redis call: a call holds Redis alone while it runs. */
const CHUNK = 250;

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
 * A case as the rebuild puts it back: a reopened follow-up waits reserved for its agent as it did
 * (until the same moment), and shows the wait since it reopened, as the follow-up queued it; a
 * user waiting for a callback keeps their place without a socket.
 */
function toRestoredCase(row: CaseRow, task: TaskRow | undefined): RestoredCase {
  const restored: RestoredCase = {
    request: toNewRequest(row),
    rank: row.rank,
    ...(row.callback === 'waiting' && { callback: true as const }),
  };
  if (!task?.assignee_id) return restored;
  if (task.opened_at) restored.request.createdAt = new Date(task.opened_at).getTime();
  const reservedUntil = task.reserved_until ? new Date(task.reserved_until).getTime() : 0;
  return { ...restored, followUp: { taskId: task.id, reservedFor: task.assignee_id, reservedUntil } };
}

export interface QueueRebuildOptions {
  /** Open tasks, to keep a reopened follow-up's reservation; without them it is restored unreserved. */
  tasks?: Pick<TaskRepository, 'openFor'>;
  /** Open cases per page (tests use a small one to cross page boundaries). */
  pageSize?: number;
}

/**
 * Redis holds the hot queue; PostgreSQL holds every case. When Redis comes back empty (FLUSHALL,
 * or a restart without persistence), one instance puts every open case back in the queue with
 * the rank it had, so the order is the same. Cases that were with an agent go back to waiting:
 * their sessions were in the lost state. Users' sockets are registered again by each instance's
 * resync, and their abandon clocks give them the grace period to come back.
 *
 * Cases go back a page at a time, most urgent first (so an agent free meanwhile is offered the
 * most urgent), each page in a few Redis calls sent back to back and its formerly assigned cases
 * in one statement, while the next page is read.
 */
export class QueueRebuild {
  private readonly pageSize: number;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly dispatcher: Dispatcher,
    private readonly options: QueueRebuildOptions = {},
  ) {
    this.pageSize = options.pageSize ?? PAGE;
  }

  /** Returns how many cases were put back (0 when the queue was intact or another instance is on it). */
  async ensure(): Promise<number> {
    const { queue } = this.deps;
    if (await queue.hasEpoch()) return 0;
    if (!(await queue.claimRebuild(REBUILD_CLAIM_MS))) return 0;
    let restored = 0;
    let page = await this.deps.cases.openCases(this.pageSize);
    while (page.length > 0) {
      const last = page[page.length - 1]!;
      const next =
        page.length < this.pageSize
          ? Promise.resolve([])
          : this.deps.cases.openCases(this.pageSize, { rank: last.rank, id: last.id });
      // Read ahead, but never leave the read's failure unobserved while this page is restored.
      next.catch(() => {});
      restored += await this.restore(page);
      await queue.holdRebuild(REBUILD_CLAIM_MS);
      page = await next;
    }
    await queue.markBuilt(this.deps.now());
    if (restored > 0) {
      this.deps.log.warn({ restored }, 'Redis had lost the queue: open cases restored from the database');
      await this.deps.bus.publish({ t: 'queue-changed' });
      this.dispatcher.reconcile();
    }
    return restored;
  }

  /** One page back in the queue; returns how many were restored (not in the queue already). */
  private async restore(page: CaseRow[]): Promise<number> {
    const { queue, cases, now, settings } = this.deps;
    const tasks = await this.options.tasks?.openFor(page.map((row) => row.id));
    const limits = { activeTtlMs: settings.retentionMs, abandonAt: now() + settings.abandonGraceMs };
    // Sent back to back on one connection, so Redis runs them in order while the next is encoded.
    const chunks: Promise<('OK' | 'OPEN')[]>[] = [];
    for (let from = 0; from < page.length; from += CHUNK)
      chunks.push(
        queue.restore(
          page.slice(from, from + CHUNK).map((row) => toRestoredCase(row, tasks?.get(row.id))),
          limits,
        ),
      );
    const statuses = (await Promise.all(chunks)).flat();
    const wereAssigned = page.filter((row, i) => statuses[i] === 'OK' && row.state !== 'queued');
    if (wereAssigned.length > 0)
      await keepRecord(
        this.deps,
        'restore',
        cases.requeueLost(
          wereAssigned.map((row) => row.id),
          now(),
        ),
      );
    return statuses.filter((status) => status === 'OK').length;
  }
}
