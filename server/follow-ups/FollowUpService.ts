import type { FastifyBaseLogger } from 'fastify';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { Task } from '../../core/protocol/tasks.js';
import type { RecordKeeper } from '../records/RecordKeeper.js';
import type { Outcome } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { CaseRow, TaskRow } from '../../platform/db/schema.js';
import type { TaskRepository } from '../../platform/db/TaskRepository.js';
import type { QueueStore } from '../../platform/stores/QueueStore.js';
import type { SessionStore } from '../../platform/stores/SessionStore.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import { toNewRequest } from '../routing/QueueRebuild.js';
import { toTaskView } from './taskView.js';

/** How often one instance looks for due tasks. */
const CHECK_MS = 1000;
/** Due tasks one instance claims per check; the rest wait for the next. */
const CLAIM_BATCH = 50;
/** An open task the hot queue has not confirmed this long after it opened lost its instance mid-way. */
const REPAIR_AFTER_MS = 10_000;
/** Tasks one listing shows. */
const LIST_LIMIT = 200;

export interface FollowUpDeps {
  tasks: TaskRepository;
  cases: CaseRepository;
  /** Writes the wrap-up's task, through the outbox when the database is away. */
  records: Pick<RecordKeeper, 'keep'>;
  queue: Pick<QueueStore, 'reopen'>;
  sessionStore: Pick<SessionStore, 'getSession'>;
  bus: EventBus;
  dispatcher: Pick<Dispatcher, 'requestWaiting'>;
  agents: Pick<AgentRepository, 'findById'>;
  settings: { defaultDelayMs: number; reserveMs: number; agingPointsPerMinute: number; activeTtlMs: number };
  now: () => number;
  log: FastifyBaseLogger;
}

/**
 * Work a wrap-up leaves behind. `follow_up` makes a task due later for the same agent;
 * `escalated` makes one with no assignee, which a supervisor hands to someone. When a task with
 * an assignee falls due, exactly one instance claims it in PostgreSQL and reopens its case there,
 * then puts the case back in the hot queue reserved for the assignee for FOLLOW_UP_RESERVE_SECONDS;
 * after that anyone eligible may be offered it. The offer itself is the usual atomic claim, so
 * the case can never reach two agents.
 */
export class FollowUpService {
  private lastCheck = 0;
  private failing = false;

  constructor(private readonly deps: FollowUpDeps) {}

  /** What an outcome leaves; any other outcome cancels what an earlier wrap-up of the session left. */
  async afterWrapUp(
    agentId: string,
    sessionId: string,
    wrapUp: { outcome: Outcome; followUpInMinutes?: number },
  ): Promise<void> {
    const { records, sessionStore, settings, now } = this.deps;
    const caseId = (await sessionStore.getSession(sessionId))?.requestId;
    if (!caseId) throw new LifelineError('LIFELINE_NOT_FOUND');
    const at = now();
    const base = { kind: 'task', sessionId, caseId, createdBy: agentId, at } as const;
    // Through the outbox like every change after the live one: a wrap-up while the database is
    // away still leaves its task, once the database is back.
    if (wrapUp.outcome === 'follow_up') {
      const delayMs =
        wrapUp.followUpInMinutes === undefined ? settings.defaultDelayMs : wrapUp.followUpInMinutes * 60_000;
      await records.keep('follow-up', {
        ...base,
        taskKind: 'follow_up',
        assigneeId: agentId,
        dueAt: at + delayMs,
      });
    } else if (wrapUp.outcome === 'escalated') {
      await records.keep('escalation', { ...base, taskKind: 'escalation' });
    } else await records.keep('wrap-up', { kind: 'cancelTasks', sessionId, at });
  }

  /**
   * For the sweeper: due tasks reopen, stranded ones are put back, finished ones close. A failure
   * (the database away) is logged once per streak and never holds up the rest of the sweep.
   */
  async maybeRun(): Promise<void> {
    if (this.deps.now() - this.lastCheck < CHECK_MS) return;
    this.lastCheck = this.deps.now();
    try {
      await this.openDue();
      await this.repair();
      await this.deps.tasks.settle(this.deps.now());
      if (this.failing) this.deps.log.info('due tasks are being handled again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.deps.log.warn({ err: error }, 'due tasks wait: the check failed');
      this.failing = true;
    }
  }

  /** Claims due tasks (each by one instance only) and puts their cases back in the line. */
  async openDue(): Promise<number> {
    const { tasks, cases, settings, now } = this.deps;
    const at = now();
    const rankFor = (score: number) => queueRank(score, at, settings.agingPointsPerMinute);
    const claimed = await tasks.claimDue(at, settings.reserveMs, CLAIM_BATCH, (tx, task) =>
      cases.reopen(task.case_id, { reason: task.kind, at, rankFor }, tx),
    );
    for (const { task, caseRow } of claimed) await this.requeue(task, caseRow);
    if (claimed.length > 0) this.deps.log.info({ tasks: claimed.length }, 'due tasks reopened their cases');
    return claimed.length;
  }

  /** An instance that died between claiming a task and queueing its case left it here; queue it now. */
  private async repair(): Promise<void> {
    const { tasks, cases, now, log } = this.deps;
    for (const task of await tasks.unconfirmed(now() - REPAIR_AFTER_MS, CLAIM_BATCH)) {
      const caseRow = await cases.get(task.case_id);
      if (!caseRow) continue;
      log.warn({ taskId: task.id }, 'a reopened case missed the queue; queueing it now');
      await this.requeue(task, caseRow);
    }
  }

  /** Idempotent per task: the script refuses a case this task queued already, or one that is open. */
  private async requeue(task: TaskRow, caseRow: CaseRow): Promise<void> {
    const { queue, tasks, bus, dispatcher, settings, now } = this.deps;
    const at = now();
    const status = await queue.reopen({ ...toNewRequest(caseRow), createdAt: at }, caseRow.rank, {
      taskId: task.id,
      reservedFor: task.assignee_id,
      reservedUntil: task.reserved_until ? new Date(task.reserved_until).getTime() : at,
      activeTtlMs: settings.activeTtlMs,
    });
    await tasks.confirmRequeued(task.id, at);
    if (status !== 'OK') return;
    await bus.publish({ t: 'queue-changed' });
    dispatcher.requestWaiting(caseRow.id);
  }

  /** An agent's own pending and open tasks. */
  async forAgent(agentId: string): Promise<Task[]> {
    return (await this.deps.tasks.live(LIST_LIMIT, agentId)).map(toTaskView);
  }

  /** Every pending and open task, for supervisors. */
  async onFloor(): Promise<Task[]> {
    return (await this.deps.tasks.live(LIST_LIMIT)).map(toTaskView);
  }

  /** A supervisor hands a pending task (an escalation, or someone's follow-up) to an agent. */
  async assign(taskId: string, agentId: string, dueInMinutes = 0): Promise<void> {
    if (!(await this.deps.agents.findById(agentId)))
      throw new LifelineError('LIFELINE_NOT_FOUND', 'No such agent');
    const at = this.deps.now();
    const result = await this.deps.tasks.assign(taskId, agentId, at + dueInMinutes * 60_000, at);
    if (result === 'missing') throw new LifelineError('LIFELINE_NOT_FOUND', 'No such task');
    if (result === 'closed') throw new LifelineError('LIFELINE_TASK_CLOSED');
  }
}
