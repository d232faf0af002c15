import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely } from 'kysely';
import { prepared } from './prepared.js';
import type { Database, IncidentRow } from './schema.js';

export type IncidentWithCases = IncidentRow & { cases: number };

/** An open incident's row is written at most this often by the reports that join it (see `join`). */
const REFRESH_MS = 1000;

/** Whether a case was linked to the incident since a moment: a report the row may not show yet. */
function reportedSince(incidentId: Expression<string>, since: Date) {
  return sql<boolean>`exists (select 1 from incident_cases l where l.incident_id = ${incidentId} and l.linked_at >= ${since})`;
}

/** The incident's last report: its row's, or a later linked case's. */
function lastReport(incidentId: Expression<string>, lastAt: Expression<Date>) {
  return sql<Date>`greatest(${lastAt}, (select max(l.linked_at) from incident_cases l where l.incident_id = ${incidentId}))`;
}

/** How many distinct users the cases linked to an incident belong to. */
function linkedUsers(incidentId: Expression<string>) {
  return sql<string>`(select count(distinct c.user_id) from incident_cases l join cases c on c.id = l.case_id
    where l.incident_id = ${incidentId})`;
}

/**
 * Before a user's cases (and so their incident links) are erased, inside the erasing
 * transaction: the incidents they were linked to keep the count of users they reached, so an
 * incident's count of users never falls.
 */
export async function keepIncidentUsers(db: Kysely<Database>, userId: string): Promise<void> {
  await sql`
    update incidents set users = greatest(users, ${linkedUsers(sql.ref('incidents.id'))})
    where id in (select l.incident_id from incident_cases l join cases c on c.id = l.case_id
                 where c.user_id = ${userId})`.execute(db);
}

/**
 * Incidents in the system of record, with the cases linked to them. An incident is open while
 * reports keep coming within the window; one left quiet for a window is closed at its last
 * report plus the window, by whichever instance notices first (the same value either way).
 */
export class IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One report's keywords, in one statement: each joins its keyword's open incident, if there is
   * one that has had a report within the window (a report below the hot threshold joins it too:
   * Redis may have lost its counts), and the report's case is linked if it is written already (a
   * new case is linked by its creator). Returns keyword → incident for those joined; a burst
   * with none then `record`s one.
   *
   * It never waits on a lock: the rows are read without one, and one is written only when its
   * last report is older than REFRESH_MS, skipped if another report is writing it right then.
   * Every report writing the row would queue all reports of a large incident, the moment they
   * matter, behind one lock.
   */
  async join(
    sightings: readonly { keyword: string; users: number }[],
    report: { caseId: string; at: number },
    windowMs: number,
  ): Promise<Map<string, string>> {
    if (sightings.length === 0) return new Map();
    const when = new Date(report.at);
    const since = new Date(report.at - windowMs);
    const { rows } = await sql<{ id: string; keyword: string }>`${prepared('incident-join')}
      with seen as (
        select * from unnest(${sightings.map((s) => s.keyword)}::text[], ${sightings.map((s) => s.users)}::int[])
          as seen(keyword, users)),
      found as (
        select i.id, i.keyword, i.last_at, seen.users from incidents i join seen on seen.keyword = i.keyword
        where i.closed_at is null and (i.last_at >= ${since} or ${reportedSince(sql.ref('i.id'), since)})),
      refreshed as (
        update incidents i set last_at = greatest(i.last_at, ${when}), users = greatest(i.users, found.users)
        from found where found.id = i.id and i.id in (
          select stale.id from incidents stale join found on found.id = stale.id
          where found.last_at < ${new Date(report.at - REFRESH_MS)}
          for no key update of stale skip locked)),
      linked as (
        insert into incident_cases (incident_id, case_id, linked_at)
        select found.id, cases.id, ${when} from found join cases on cases.id = ${report.caseId}
        on conflict do nothing)
      select id, keyword from found`.execute(this.db);
    return new Map(rows.map((row) => [row.keyword, row.id]));
  }

  /**
   * A burst with no open incident to join: closes the keyword's quiet one if any, and opens a new
   * one (or, if another instance got there first, extends that). `inserted` says this call opened
   * it, so its caller links the reports that came before.
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

  /** Links the cases that exist (a case not written yet is linked by its creator later). */
  async link(incidentId: string, caseIds: readonly string[], at: number): Promise<void> {
    if (caseIds.length === 0) return;
    await this.db
      .insertInto('incident_cases')
      .columns(['incident_id', 'case_id', 'linked_at'])
      .expression((eb) =>
        eb
          .selectFrom('cases')
          .select([eb.val(incidentId).as('incident_id'), 'id', eb.val(new Date(at)).as('linked_at')])
          .where('id', 'in', [...caseIds]),
      )
      .onConflict((c) => c.columns(['incident_id', 'case_id']).doNothing())
      .execute();
  }

  /** Links each reporter's case of that moment: a user's report time is their case's creation time. */
  async linkReports(incidentId: string, reports: readonly { userId: string; at: number }[], at: number) {
    if (reports.length === 0) return;
    const users = reports.map((r) => r.userId);
    const times = reports.map((r) => new Date(r.at).toISOString());
    await sql`
      insert into incident_cases (incident_id, case_id, linked_at)
      select ${incidentId}, c.id, ${new Date(at)}
      from cases c
      join unnest(${users}::text[], ${times}::timestamptz[]) as r(user_id, at)
        on c.user_id = r.user_id and c.created_at = r.at
      on conflict do nothing`.execute(this.db);
  }

  /**
   * Incidents with a report within the window, newest first; quiet ones are closed on the way.
   * The row's last report and users may trail the linked cases by up to REFRESH_MS (see `join`),
   * so both are read with them: the last report is the latest of the row's and the links', and
   * users only grow, the most seen in one window or the distinct users of the linked cases.
   */
  async open(now: number, windowMs: number): Promise<IncidentWithCases[]> {
    await this.closeQuiet(now, windowMs);
    return this.db
      .selectFrom('incidents')
      .selectAll('incidents')
      .select((eb) => [
        eb
          .selectFrom('incident_cases')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('incident_cases.incident_id', '=', 'incidents.id')
          .as('cases'),
        linkedUsers(eb.ref('incidents.id')).as('linked_users'),
        lastReport(eb.ref('incidents.id'), eb.ref('incidents.last_at')).as('last_report'),
      ])
      .where('closed_at', 'is', null)
      .execute()
      .then((rows) =>
        rows
          .map(({ linked_users, last_report, ...row }) => ({
            ...row,
            last_at: new Date(last_report),
            users: Math.max(row.users, Number(linked_users ?? 0)),
            cases: Number(row.cases ?? 0),
          }))
          .sort((a, b) => b.last_at.getTime() - a.last_at.getTime()),
      );
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

  /**
   * Closes incidents with no report within the window, at their last report plus the window. One
   * a supervisor manages (opened by hand, or with a status posted) stays open until resolved: its
   * users are waiting on its resolution, not on more reports.
   */
  private async closeQuiet(now: number, windowMs: number, keyword?: string): Promise<void> {
    const since = new Date(now - windowMs);
    let query = this.db
      .updateTable('incidents')
      .set((eb) => ({
        closed_at: sql`${lastReport(eb.ref('incidents.id'), eb.ref('incidents.last_at'))} + ${`${windowMs} milliseconds`}::interval`,
      }))
      .where('closed_at', 'is', null)
      .where('opened_by', 'is', null)
      .where('status_at', 'is', null)
      .where('last_at', '<', since)
      .where((eb) => eb.not(reportedSince(eb.ref('incidents.id'), since)));
    if (keyword !== undefined) query = query.where('keyword', '=', keyword);
    await query.execute();
  }
}
