import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, IncidentRow } from './schema.js';

export type IncidentWithCases = IncidentRow & { cases: number };

/**
 * Incidents in the system of record, with the cases linked to them. An incident is open while
 * reports keep coming within the window; one left quiet for a window is closed at its last
 * report plus the window, by whichever instance notices first (the same value either way).
 */
export class IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * A burst the hot detector saw: opens the keyword's incident or extends the open one.
   * `inserted` says this call opened it, so its caller links the reports that came before.
   */
  async record(
    keyword: string,
    users: number,
    at: number,
    windowMs: number,
  ): Promise<{ id: string; inserted: boolean }> {
    await this.closeQuiet(at, windowMs, keyword);
    const when = new Date(at);
    const row = await this.db
      .insertInto('incidents')
      .values({ id: randomUUID(), keyword, opened_at: when, last_at: when, users })
      .onConflict((c) =>
        c
          .column('keyword')
          .where('closed_at', 'is', null)
          .doUpdateSet({
            last_at: sql`greatest(incidents.last_at, excluded.last_at)`,
            users: sql`greatest(incidents.users, excluded.users)`,
          }),
      )
      .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
      .executeTakeFirstOrThrow();
    return { id: row.id, inserted: row.inserted };
  }

  /** A report below the hot threshold still joins the keyword's open incident (e.g. after Redis lost its counts). */
  async extendOpen(keyword: string, at: number, windowMs: number): Promise<string | undefined> {
    const row = await this.db
      .updateTable('incidents')
      .set({ last_at: sql`greatest(last_at, ${new Date(at)})` })
      .where('keyword', '=', keyword)
      .where('closed_at', 'is', null)
      .where('last_at', '>=', new Date(at - windowMs))
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Links the cases that exist (a case not written yet is linked by its creator later). */
  async link(incidentId: string, caseIds: readonly string[], at: number): Promise<void> {
    if (caseIds.length === 0) return;
    const result = await this.db
      .insertInto('incident_cases')
      .columns(['incident_id', 'case_id', 'linked_at'])
      .expression((eb) =>
        eb
          .selectFrom('cases')
          .select([eb.val(incidentId).as('incident_id'), 'id', eb.val(new Date(at)).as('linked_at')])
          .where('id', 'in', [...caseIds]),
      )
      .onConflict((c) => c.columns(['incident_id', 'case_id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) await this.countUsers(incidentId);
  }

  /** Links each reporter's case of that moment: a user's report time is their case's creation time. */
  async linkReports(incidentId: string, reports: readonly { userId: string; at: number }[], at: number) {
    if (reports.length === 0) return;
    const users = reports.map((r) => r.userId);
    const times = reports.map((r) => new Date(r.at).toISOString());
    const result = await sql`
      insert into incident_cases (incident_id, case_id, linked_at)
      select ${incidentId}, c.id, ${new Date(at)}
      from cases c
      join unnest(${users}::text[], ${times}::timestamptz[]) as r(user_id, at)
        on c.user_id = r.user_id and c.created_at = r.at
      on conflict do nothing`.execute(this.db);
    if (Number(result.numAffectedRows ?? 0) > 0) await this.countUsers(incidentId);
  }

  /** Incidents with a report within the window, newest first; quiet ones are closed on the way. */
  async open(now: number, windowMs: number): Promise<IncidentWithCases[]> {
    await this.closeQuiet(now, windowMs);
    return this.db
      .selectFrom('incidents')
      .selectAll('incidents')
      .select((eb) =>
        eb
          .selectFrom('incident_cases')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('incident_cases.incident_id', '=', 'incidents.id')
          .as('cases'),
      )
      .where('closed_at', 'is', null)
      .orderBy('last_at', 'desc')
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, cases: Number(row.cases ?? 0) })));
  }

  /** The cases linked to an incident, oldest link first. */
  async linkedCases(incidentId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('incident_cases')
      .select('case_id')
      .where('incident_id', '=', incidentId)
      .orderBy('linked_at')
      .execute();
    return rows.map((row) => row.case_id);
  }

  /** Users only grow: the most seen in one window, or linked over the incident's life. */
  private async countUsers(incidentId: string): Promise<void> {
    await sql`
      update incidents set users = greatest(users, (
        select count(distinct c.user_id) from incident_cases l join cases c on c.id = l.case_id
        where l.incident_id = ${incidentId}))
      where id = ${incidentId}`.execute(this.db);
  }

  private async closeQuiet(now: number, windowMs: number, keyword?: string): Promise<void> {
    let query = this.db
      .updateTable('incidents')
      .set({ closed_at: sql`last_at + ${`${windowMs} milliseconds`}::interval` })
      .where('closed_at', 'is', null)
      .where('last_at', '<', new Date(now - windowMs));
    if (keyword !== undefined) query = query.where('keyword', '=', keyword);
    await query.execute();
  }
}
