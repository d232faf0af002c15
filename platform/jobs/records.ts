import { Type, type Static } from '@sinclair/typebox';
import { Queue, type ConnectionOptions } from 'bullmq';
import { AUDIT_ACTIONS } from '../../core/protocol/supervision.js';
import { TASK_KINDS } from '../../core/protocol/vocabulary.js';
import { bullPrefix } from './queues.js';

/** State changes to write to PostgreSQL that could not be written when they happened. */
export const RECORDS_QUEUE = 'records';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const At = Type.Integer({ description: 'When the change happened, ms since the epoch' });
const Code = Type.String({ minLength: 1, maxLength: 64 });

/**
 * One change to the system of record, as its replay needs it: ids, states, codes and times only.
 * An agent's note is never in a payload: its replay reads it from the session's hot record.
 */
export const RecordChange = Type.Union([
  Type.Object({ kind: Type.Literal('transition'), caseId: Id, state: Code, reason: Code, at: At }),
  Type.Object({ kind: Type.Literal('callStarted'), sessionId: Id, caseId: Id, agentId: Id, at: At }),
  Type.Object({
    kind: Type.Literal('callEnded'),
    sessionId: Id,
    reason: Code,
    at: At,
    outcome: Type.Optional(Code),
  }),
  Type.Object({ kind: Type.Literal('wrapUp'), sessionId: Id, outcome: Type.Optional(Code) }),
  Type.Object({ kind: Type.Literal('rating'), caseId: Id, stars: Type.Integer({ minimum: 1, maximum: 5 }) }),
  Type.Object({
    kind: Type.Literal('task'),
    taskKind: Type.Union(TASK_KINDS.map((k) => Type.Literal(k))),
    sessionId: Id,
    caseId: Id,
    createdBy: Id,
    assigneeId: Type.Optional(Id),
    dueAt: Type.Optional(At),
    at: At,
  }),
  Type.Object({ kind: Type.Literal('cancelTasks'), sessionId: Id, at: At }),
  /** A step in the case's history that leaves its state as it is (a callback chosen, answered, missed). */
  Type.Object({ kind: Type.Literal('event'), caseId: Id, state: Code, reason: Code, at: At }),
  /** Whether the user still waits to be called back: a queue rebuilt from PostgreSQL keeps their place. */
  Type.Object({ kind: Type.Literal('callbackChoice'), caseId: Id, waiting: Type.Boolean(), at: At }),
  /** A supervisor action on a call, or a consult or transfer step (see AuditRepository). */
  Type.Object({
    kind: Type.Literal('audit'),
    actorId: Id,
    action: Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a))),
    sessionId: Id,
    caseId: Type.Optional(Id),
    targetId: Type.Optional(Id),
    at: At,
  }),
  /** A cold transfer sent the case to another category's queue. */
  Type.Object({ kind: Type.Literal('category'), caseId: Id, category: Code }),
  /** A warm transfer handed the call to another agent. */
  Type.Object({ kind: Type.Literal('handover'), sessionId: Id, agentId: Id }),
  /** A call whose callback went unanswered goes on as a text conversation. */
  Type.Object({ kind: Type.Literal('conversation'), caseId: Id, at: At }),
]);
export type RecordChange = Static<typeof RecordChange>;

/** A job: changes in the order they happened, replayed in that order. */
export const RecordJobData = Type.Object(
  { changes: Type.Array(RecordChange, { minItems: 1, maxItems: 8 }) },
  { additionalProperties: false },
);
export type RecordJobData = Static<typeof RecordJobData>;

export interface RecordRetry {
  attempts: number;
  backoffMs: number;
}

/** The producer side: changes that failed go here, to be replayed by any instance. */
export class RecordJobs {
  readonly queue: Queue<RecordJobData>;

  constructor(
    connection: ConnectionOptions,
    keyPrefix: string,
    private readonly retry: RecordRetry,
  ) {
    this.queue = new Queue<RecordJobData>(RECORDS_QUEUE, { connection, prefix: bullPrefix(keyPrefix) });
  }

  async add(changes: RecordChange[]): Promise<void> {
    await this.queue.add(
      'record',
      { changes },
      {
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.backoffMs },
        removeOnComplete: { age: 3600 },
        // Kept for an operator: a change that could not be written for this long needs a look.
        removeOnFail: false,
      },
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
