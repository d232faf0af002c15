import { LifelineError } from '../../core/errors/LifelineError.js';
import type { IncidentAnswer } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import type { QueueStore } from '../../platform/stores/QueueStore.js';
import type { Principal } from '../auth/principal.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import { toNewRequest } from '../routing/QueueRebuild.js';

/** The REOPEN idempotency key of a case its user put back after an incident's resolution closed it. */
const REOPENED_BY_USER = 'incident-still-needs-help';
const WAITING = ['queued', 'offered'];

export interface IncidentAnswersDeps {
  repository: Pick<IncidentStatusRepository, 'answer'>;
  requests: Pick<HelpRequestService, 'cancel' | 'record'>;
  queue: Pick<QueueStore, 'reopen'>;
  cases: Pick<CaseRepository, 'reopen'>;
  bus: Pick<EventBus, 'publish'>;
  dispatcher: Pick<Dispatcher, 'requestWaiting'>;
  metrics: Pick<LifelineMetrics, 'answeredByStatus'>;
  settings: { agingPointsPerMinute: number; activeTtlMs: number };
  now: () => number;
}

/**
 * A linked user's answer to their incident's status. "I still need help", before the resolution
 * or after it, keeps their case with a human: the resolution skips it, or it goes back in the
 * line where it stood. "This solved it" closes a waiting case as a cancel does, and counts it as
 * answered without an agent.
 */
export class IncidentAnswers {
  constructor(private readonly deps: IncidentAnswersDeps) {}

  async answer(principal: Principal, caseId: string, answer: IncidentAnswer): Promise<string> {
    if (principal.kind !== 'user' || principal.requestId !== caseId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may answer for it');
    const record = await this.deps.requests.record(caseId);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    return answer === 'solved'
      ? this.solved(principal, caseId, record.state)
      : this.stillNeedsHelp(caseId, record);
  }

  private async solved(principal: Principal, caseId: string, state: string): Promise<string> {
    // With an agent (or closed), the status did not settle it here: nothing changes.
    if (!WAITING.includes(state)) return state;
    await this.mark(caseId, 'solved');
    const after = await this.deps.requests.cancel(principal, caseId);
    if (after === 'cancelled') this.deps.metrics.answeredByStatus.inc({ how: 'status' });
    return after;
  }

  private async stillNeedsHelp(caseId: string, record: { state: string }): Promise<string> {
    await this.mark(caseId, 'still_need_help');
    // Read again after the mark: a resolution closing it meanwhile either saw the mark or closed
    // it before this read (see IncidentDesk.resolve), so one of the two puts it back.
    return (await this.restore(caseId)) ?? record.state;
  }

  /** Puts a case an incident's resolution closed back in the line; its state, or undefined if gone. */
  async restore(caseId: string): Promise<string | undefined> {
    const record = await this.deps.requests.record(caseId);
    if (record?.state !== 'resolved_by_incident') return record?.state;
    return this.putBack(caseId, record.createdAt);
  }

  /** Back in the line with the rank it had, as a text conversation if it was a call (see CaseRepository.reopen). */
  private async putBack(caseId: string, createdAt: number): Promise<string> {
    const { cases, queue, bus, dispatcher, settings, now } = this.deps;
    const at = now();
    const rankFor = (score: number) => queueRank(score, createdAt, settings.agingPointsPerMinute);
    const row = await cases.reopen(caseId, { reason: 'still_needs_help', at, rankFor });
    if (!row) throw new LifelineError('LIFELINE_NOT_FOUND');
    await queue.reopen(toNewRequest(row), row.rank, {
      taskId: REOPENED_BY_USER,
      reservedFor: null,
      reservedUntil: at,
      activeTtlMs: settings.activeTtlMs,
    });
    await bus.publish({ t: 'queue-changed' });
    dispatcher.requestWaiting(caseId);
    return 'queued';
  }

  private async mark(caseId: string, answer: IncidentAnswer): Promise<void> {
    if (!(await this.deps.repository.answer(caseId, answer, this.deps.now())))
      throw new LifelineError('LIFELINE_NOT_IN_INCIDENT');
  }
}
