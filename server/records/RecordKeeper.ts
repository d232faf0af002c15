import type { FastifyBaseLogger } from 'fastify';
import type { AuditRepository } from '../../platform/db/AuditRepository.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { TaskRepository } from '../../platform/db/TaskRepository.js';
import type { RecordChange, RecordJobs } from '../../platform/jobs/records.js';
import type { SessionStore } from '../../platform/stores/SessionStore.js';

export interface RecordKeeperDeps {
  cases: Pick<
    CaseRepository,
    | 'transition'
    | 'callStarted'
    | 'callEnded'
    | 'wrapUp'
    | 'rate'
    | 'noted'
    | 'becameConversation'
    | 'callbackChoice'
    | 'recategorised'
    | 'handedOver'
  >;
  audit: Pick<AuditRepository, 'add'>;
  tasks: Pick<TaskRepository, 'fromWrapUp' | 'cancelForSession'>;
  /** Where an agent's note waits while its write is retried: never in a job payload. */
  sessions: Pick<SessionStore, 'getSession'>;
  jobs: Pick<RecordJobs, 'add'>;
  log: FastifyBaseLogger;
}

/** A change that cannot be applied yet (its call row is not written): the replay tries again later. */
export class NotYetRecordable extends Error {
  constructor(what: string) {
    super(`${what} cannot be recorded yet`);
    this.name = 'NotYetRecordable';
  }
}

/**
 * Writes state changes to PostgreSQL after Redis has made them live. A change that cannot be
 * written now (the database briefly away) neither fails nor undoes the live change: it goes to
 * the `records` queue in Redis and any instance replays it, in order, until it lands (an outbox).
 * Every change is safe to apply twice, and a transition never overwrites a later one.
 */
export class RecordKeeper {
  constructor(private readonly deps: RecordKeeperDeps) {}

  /** Never throws. Independent changes are written together; the ones that failed are queued in order. */
  async keep(what: string, ...changes: RecordChange[]): Promise<void> {
    const results = await Promise.allSettled(changes.map((change) => this.apply(change, 'live')));
    const failed = changes.filter((_, i) => results[i]!.status === 'rejected');
    if (failed.length === 0) return;
    const reason = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
    this.deps.log.warn({ err: reason, what }, 'could not record a state change now; queued to retry');
    await this.deps.jobs.add(failed).catch((error: unknown) => {
      this.deps.log.error(
        { err: error, what },
        'could not queue a state change either; the next rebuild reconciles it',
      );
    });
  }

  /** Applies one change, or throws so that its replay is retried. */
  async apply(change: RecordChange, when: 'live' | 'replay' = 'replay'): Promise<void> {
    const { cases } = this.deps;
    switch (change.kind) {
      case 'transition':
        return cases.transition(change.caseId, change.state, change.reason, change.at, {
          onlyForward: when === 'replay',
        });
      case 'callStarted':
        return cases.callStarted(change.sessionId, change.caseId, change.agentId, change.at);
      case 'callEnded': {
        const wrapUp = { outcome: change.outcome, note: await this.noteOf(change.sessionId) };
        if (!(await cases.callEnded(change.sessionId, change.reason, change.at, wrapUp)))
          throw new NotYetRecordable(`the end of call ${change.sessionId}`);
        return;
      }
      case 'wrapUp': {
        const wrapUp = { outcome: change.outcome, note: await this.noteOf(change.sessionId) };
        if (!(await cases.wrapUp(change.sessionId, wrapUp)))
          throw new NotYetRecordable(`the wrap-up of call ${change.sessionId}`);
        return;
      }
      case 'rating':
        return cases.rate(change.caseId, change.stars);
      case 'task':
        return void (await this.deps.tasks.fromWrapUp({
          sessionId: change.sessionId,
          caseId: change.caseId,
          createdBy: change.createdBy,
          kind: change.taskKind,
          assigneeId: change.assigneeId ?? null,
          dueAt: change.dueAt ?? null,
          at: change.at,
        }));
      case 'cancelTasks':
        return this.deps.tasks.cancelForSession(change.sessionId, change.at);
      case 'event':
        return cases.noted(change.caseId, change.state, change.reason, change.at);
      case 'callbackChoice':
        return cases.callbackChoice(change.caseId, change.waiting);
      case 'conversation':
        return cases.becameConversation(change.caseId, change.at);
      case 'audit': {
        const { kind: _kind, ...record } = change;
        return this.deps.audit.add(record);
      }
      case 'category':
        return cases.recategorised(change.caseId, change.category);
      case 'handover':
        if (!(await cases.handedOver(change.sessionId, change.agentId)))
          throw new NotYetRecordable(`the handover of call ${change.sessionId}`);
        return;
    }
  }

  private async noteOf(sessionId: string): Promise<string | undefined> {
    return (await this.deps.sessions.getSession(sessionId))?.note || undefined;
  }
}
