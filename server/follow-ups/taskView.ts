import type { Task } from '../../core/protocol/tasks.js';
import type { TaskWithCase } from '../../platform/db/TaskRepository.js';

const iso = (at: Date | string | null) => (at === null ? undefined : new Date(at).toISOString());

/** A stored task as agents and supervisors see it; absent values are left out, never null. */
export function toTaskView(row: TaskWithCase): Task {
  const optional = {
    sessionId: row.session_id ?? undefined,
    assigneeId: row.assignee_id ?? undefined,
    dueAt: iso(row.due_at),
    reservedUntil: iso(row.reserved_until),
    openedAt: iso(row.opened_at),
    takenBy: row.taken_by ?? undefined,
  };
  return {
    id: row.id,
    kind: row.kind as Task['kind'],
    state: row.state as Task['state'],
    requestId: row.case_id,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    category: row.category as Task['category'],
    level: row.level as Task['level'],
    channel: row.channel as Task['channel'],
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}
