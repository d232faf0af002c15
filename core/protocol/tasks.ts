import { Type, type Static } from '@sinclair/typebox';
import { Category, Channel, TaskKind, TaskState, UrgencyLevel } from './domain.js';
import { MAX_FOLLOW_UP_MINUTES } from './vocabulary.js';

/** Work a wrap-up leaves behind: follow-ups and escalations, as agents and supervisors see them. */

const DateTime = Type.String({ format: 'date-time' });

/** Minutes from now until a task falls due, within the bounds every edge checks. */
export const dueInMinutes = (description: string) =>
  Type.Integer({ minimum: 0, maximum: MAX_FOLLOW_UP_MINUTES, description });

export const Task = Type.Object({
  id: Type.String(),
  kind: TaskKind,
  state: TaskState,
  requestId: Type.String({ description: 'The case it reopens when due' }),
  sessionId: Type.Optional(Type.String({ description: 'The session whose wrap-up made it' })),
  createdBy: Type.String({ description: 'The agent who wrapped up' }),
  assigneeId: Type.Optional(
    Type.String({ description: 'Who is offered it first; none for an escalation not yet assigned' }),
  ),
  dueAt: Type.Optional(DateTime),
  reservedUntil: Type.Optional(
    Type.String({ format: 'date-time', description: 'Until when only the assignee may be offered it' }),
  ),
  openedAt: Type.Optional(DateTime),
  takenBy: Type.Optional(Type.String({ description: 'The agent who took the reopened case' })),
  createdAt: DateTime,
  category: Category,
  level: UrgencyLevel,
  channel: Channel,
});
export type Task = Static<typeof Task>;

export const TasksReply = Type.Object({ tasks: Type.Array(Task) });
export type TasksReply = Static<typeof TasksReply>;

export const AssignTaskBody = Type.Object(
  {
    agentId: Type.String({ minLength: 1, maxLength: 64 }),
    dueInMinutes: Type.Optional(
      dueInMinutes('Minutes from now until it falls due (0, the default: at once)'),
    ),
  },
  { additionalProperties: false, description: 'Hands a pending task to an agent, due now unless told' },
);
export type AssignTaskBody = Static<typeof AssignTaskBody>;
