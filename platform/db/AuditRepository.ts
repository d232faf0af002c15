import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntry } from '../../core/protocol/supervision.js';
import type { Database } from './schema.js';

export interface AuditRecord {
  actorId: string;
  action: AuditAction;
  sessionId: string;
  caseId?: string;
  targetId?: string;
  at: number;
}

/** The same action by the same actor on the same session at the same instant is one event. */
const keyOf = (r: AuditRecord) => `${r.sessionId}:${r.action}:${r.actorId}:${r.at}`;

/** The audit trail of supervisor actions and transfers. Append-only; a replayed write lands once. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(record: AuditRecord): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        key: keyOf(record),
        at: new Date(record.at),
        actor_id: record.actorId,
        action: record.action,
        session_id: record.sessionId,
        case_id: record.caseId ?? null,
        target_id: record.targetId ?? null,
      })
      .onConflict((c) => c.column('key').doNothing())
      .execute();
  }

  /** The newest first, for one session or the whole floor. */
  async list(filter: { sessionId?: string; limit: number }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_events').selectAll();
    if (filter.sessionId) query = query.where('session_id', '=', filter.sessionId);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actorId: row.actor_id,
      action: row.action as AuditAction,
      sessionId: row.session_id,
      ...(row.case_id && { caseId: row.case_id }),
      ...(row.target_id && { targetId: row.target_id }),
    }));
  }
}
