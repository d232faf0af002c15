import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { TaskKind } from '../../core/protocol/vocabulary.js';
import { OPEN_CASE_STATES } from './CaseRepository.js';
import type { CaseRow, Database, TaskRow } from './schema.js';

/** A task with what the floor shows of its case. */
export type TaskWithCase = TaskRow & { category: string; level: string; channel: string };

/** A due task this instance claimed, with its case as the claim reopened it. */
export interface ClaimedTask {
  task: TaskRow;
  caseRow: CaseRow;
}

const LIVE_STATES = ['pending', 'open'];
/** Why a task a later wrap-up of its session no longer asked for was cancelled; it may come back. */
const WRAP_UP_CHANGED = 'wrap_up_changed';

/**
 * Follow-ups and escalations in the system of record. Falling due is claimed here, once: one
 * statement moves a due task from pending to open under FOR UPDATE SKIP LOCKED, so however many
 * instances sweep at once, exactly one reopens its case.
 */
export class TaskRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The task a wrap-up leaves, one per session: a later wrap-up of the same session changes it
   * (or brings back one an earlier correction cancelled) until it falls due. Returns the task, or
   * undefined if it had already fallen due.
   */
  async fromWrapUp(input: {
    sessionId: string;
    caseId: string;
    createdBy: string;
    kind: TaskKind;
    assigneeId: string | null;
    dueAt: number | null;
    at: number;
  }): Promise<TaskRow | undefined> {
    const when = new Date(input.at);
    const dueAt = input.dueAt === null ? null : new Date(input.dueAt);
    return this.db
      .insertInto('tasks')
      .values({
        id: randomUUID(),
        kind: input.kind,
        case_id: input.caseId,
        session_id: input.sessionId,
        created_by: input.createdBy,
        assignee_id: input.assigneeId,
        state: 'pending',
        due_at: dueAt,
        created_at: when,
        updated_at: when,
      })
      .onConflict((c) =>
        c
          .column('session_id')
          .doUpdateSet({
            kind: input.kind,
            assignee_id: input.assigneeId,
            due_at: dueAt,
            state: 'pending',
            closed_at: null,
            closed_reason: null,
            updated_at: when,
          })
          .where((eb) =>
            eb.or([
              eb('tasks.state', '=', 'pending'),
              eb.and([eb('tasks.state', '=', 'cancelled'), eb('tasks.closed_reason', '=', WRAP_UP_CHANGED)]),
            ]),
          ),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /** A wrap-up corrected to an outcome that needs no task cancels the one it had left. */
  async cancelForSession(sessionId: string, at: number): Promise<void> {
    const when = new Date(at);
    await this.db
      .updateTable('tasks')
      .set({ state: 'cancelled', closed_at: when, closed_reason: WRAP_UP_CHANGED, updated_at: when })
      .where('session_id', '=', sessionId)
      .where('state', '=', 'pending')
      .execute();
  }

  /**
   * Claims up to `limit` assigned tasks that are due and reopens each one's case in the same
   * transaction (`reopen`), so a task is open exactly when its case waits again.
   */
  async claimDue(
    at: number,
    reserveMs: number,
    limit: number,
    reopen: (tx: Transaction<Database>, task: TaskRow) => Promise<CaseRow | undefined>,
  ): Promise<ClaimedTask[]> {
    const when = new Date(at);
    return this.db.transaction().execute(async (tx) => {
      // A case still open (wrapped up while its session ran) is left until it closes.
      const due = tx
        .selectFrom('tasks')
        .innerJoin('cases', 'cases.id', 'tasks.case_id')
        .select('tasks.id')
        .where('tasks.state', '=', 'pending')
        .where('tasks.assignee_id', 'is not', null)
        .where('tasks.due_at', '<=', when)
        .where('cases.state', 'not in', [...OPEN_CASE_STATES])
        .orderBy('tasks.due_at')
        .limit(limit)
        .forUpdate(['tasks'])
        .skipLocked();
      const tasks = await tx
        .updateTable('tasks')
        .set({ state: 'open', opened_at: when, reserved_until: new Date(at + reserveMs), updated_at: when })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      const claimed: ClaimedTask[] = [];
      for (const task of tasks) {
        const caseRow = await reopen(tx, task);
        if (caseRow) claimed.push({ task, caseRow });
      }
      return claimed;
    });
  }

  /** The hot queue holds the reopened case now. */
  async confirmRequeued(taskId: string, at: number): Promise<void> {
    await this.db
      .updateTable('tasks')
      .set({ requeued_at: new Date(at) })
      .where('id', '=', taskId)
      .execute();
  }

  /**
   * The open task with an assignee of each of these cases, if any (the latest opened): what a
   * rebuilt queue needs to keep a reopened follow-up reserved for its agent.
   */
  async openFor(caseIds: readonly string[]): Promise<Map<string, TaskRow>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('tasks')
      .selectAll()
      .where('case_id', 'in', [...caseIds])
      .where('state', '=', 'open')
      .where('assignee_id', 'is not', null)
      .orderBy('opened_at')
      .execute();
    return new Map(rows.map((row) => [row.case_id, row]));
  }

  /** Open tasks whose case waits in PostgreSQL but that no instance confirmed in Redis: a crash in between. */
  unconfirmed(openedBefore: number, limit: number): Promise<TaskRow[]> {
    return this.db
      .selectFrom('tasks')
      .innerJoin('cases', 'cases.id', 'tasks.case_id')
      .selectAll('tasks')
      .where('tasks.state', '=', 'open')
      .where('tasks.requeued_at', 'is', null)
      .where('tasks.opened_at', '<', new Date(openedBefore))
      .where('cases.state', '=', 'queued')
      .limit(limit)
      .execute();
  }

  /**
   * Closes open tasks whose case has moved on: taken by an agent (a session started on it after
   * the task was made, other than the one that made it) or closed without one (the user
   * cancelled it). Compared with the task's making, not its opening, so clocks that differ a
   * little between instances cannot miss the taking.
   */
  async settle(at: number): Promise<number> {
    const when = new Date(at);
    const taken = await this.db
      .updateTable('tasks')
      .from('calls')
      .set((eb) => ({
        state: 'done',
        closed_at: when,
        closed_reason: 'taken',
        taken_by: eb.ref('calls.agent_id'),
        updated_at: when,
      }))
      .whereRef('calls.case_id', '=', 'tasks.case_id')
      // The case was closed from the task's making until it reopened: any later session took it.
      .whereRef('calls.started_at', '>=', 'tasks.created_at')
      .where((eb) =>
        eb.or([eb('tasks.session_id', 'is', null), eb('calls.session_id', '<>', eb.ref('tasks.session_id'))]),
      )
      .where('tasks.state', '=', 'open')
      .executeTakeFirst();
    const dropped = await this.db
      .updateTable('tasks')
      .from('cases')
      .set((eb) => ({
        state: 'cancelled',
        closed_at: when,
        closed_reason: eb.ref('cases.state'),
        updated_at: when,
      }))
      .whereRef('cases.id', '=', 'tasks.case_id')
      .where('tasks.state', '=', 'open')
      .where('cases.state', 'not in', [...OPEN_CASE_STATES])
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) + Number(dropped.numUpdatedRows);
  }

  /** Pending and open tasks, unassigned escalations first, then soonest due. */
  live(limit: number, assigneeId?: string): Promise<TaskWithCase[]> {
    let query = this.db
      .selectFrom('tasks')
      .innerJoin('cases', 'cases.id', 'tasks.case_id')
      .selectAll('tasks')
      .select(['cases.category', 'cases.level', 'cases.channel'])
      .where('tasks.state', 'in', LIVE_STATES);
    if (assigneeId !== undefined) query = query.where('tasks.assignee_id', '=', assigneeId);
    return query
      .orderBy('tasks.due_at', (o) => o.nullsFirst())
      .orderBy('tasks.created_at')
      .limit(limit)
      .execute();
  }

  /** Hands a pending task to an agent with a due time; 'closed' if it is pending no more. */
  async assign(
    taskId: string,
    assigneeId: string,
    dueAt: number,
    at: number,
  ): Promise<'ok' | 'closed' | 'missing'> {
    const updated = await this.db
      .updateTable('tasks')
      .set({ assignee_id: assigneeId, due_at: new Date(dueAt), updated_at: new Date(at) })
      .where('id', '=', taskId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return 'ok';
    const exists = await this.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst();
    return exists ? 'closed' : 'missing';
  }

  get(taskId: string): Promise<TaskRow | undefined> {
    return this.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  }
}
