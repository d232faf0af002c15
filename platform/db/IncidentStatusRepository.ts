import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { OPEN_CASE_STATES } from './CaseRepository.js';
import type { Database } from './schema.js';

/** Whether a supervisor's change applied, or why not. */
export type IncidentChange = 'ok' | 'missing' | 'resolved';

/** A status or resolution posted, or why not. */
export interface Posted {
  change: IncidentChange;
  title: string;
}

/** What linked users see an incident as: its title, or the keyword of one a burst opened. */
const TITLE = sql<string>`coalesce(title, keyword, '')`.as('title');

/** The latest word of an incident to one linked case. */
export interface StoredNotice {
  caseId: string;
  incidentId: string;
  title: string;
  message: string;
  postedAt: Date;
  resolved: boolean;
  stillNeedsHelp: boolean;
}

/** What the floor shows of one incident beyond its reports. */
export interface IncidentTally {
  answered: number;
  stillNeedHelp: number;
  /** Reports per minute over the window asked for, oldest first. */
  perMinute: number[];
}

/**
 * Incidents managed as problems, in the system of record: opened by hand, statuses, resolutions
 * and each linked user's answer. The burst detection that opens and joins incidents is
 * IncidentRepository's; this never touches its hot statements.
 */
export class IncidentStatusRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Opens an incident by hand. With a keyword that has an open incident already, that one is
   * taken over instead (`opened: false`): one open incident per keyword, as for bursts.
   */
  async open(terms: { title: string; category: string; keyword?: string; openedBy: string; at: number }) {
    const when = new Date(terms.at);
    const row = await this.db
      .insertInto('incidents')
      .values({
        id: randomUUID(),
        keyword: terms.keyword ?? null,
        title: terms.title,
        category: terms.category,
        opened_by: terms.openedBy,
        opened_at: when,
        last_at: when,
        users: 0,
      })
      .onConflict((c) =>
        c
          .column('keyword')
          .where('closed_at', 'is', null)
          .doUpdateSet({
            title: sql`coalesce(incidents.title, excluded.title)`,
            category: sql`coalesce(incidents.category, excluded.category)`,
            opened_by: sql`coalesce(incidents.opened_by, excluded.opened_by)`,
          }),
      )
      .returning(['id', sql<boolean>`(xmax = 0)`.as('opened')])
      .executeTakeFirstOrThrow();
    return { id: row.id, opened: row.opened };
  }

  /** Why a change to this incident cannot apply, or 'ok'. */
  async standing(id: string): Promise<IncidentChange> {
    const row = await this.db
      .selectFrom('incidents')
      .select('resolved_at')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return 'missing';
    return row.resolved_at ? 'resolved' : 'ok';
  }

  /** Posts its status; answers with the title linked users see it under. */
  async postStatus(id: string, message: string, at: number): Promise<Posted> {
    const row = await this.db
      .updateTable('incidents')
      .set({ status_message: message, status_at: new Date(at) })
      .where('id', '=', id)
      .where('resolved_at', 'is', null)
      .returning(TITLE)
      .executeTakeFirst();
    return row ? { change: 'ok', title: row.title } : { change: await this.standing(id), title: '' };
  }

  /** Resolves and closes it, once: a second resolve is 'resolved'. */
  async resolve(id: string, resolution: string, at: number): Promise<Posted> {
    const when = new Date(at);
    const row = await this.db
      .updateTable('incidents')
      .set({ resolution, resolved_at: when, closed_at: sql`coalesce(closed_at, ${when})` })
      .where('id', '=', id)
      .where('resolved_at', 'is', null)
      .returning(TITLE)
      .executeTakeFirst();
    return row ? { change: 'ok', title: row.title } : { change: await this.standing(id), title: '' };
  }

  /** Links the open cases among these; returns those linked now (not linked before). */
  async linkOpen(incidentId: string, caseIds: readonly string[], at: number): Promise<string[]> {
    const rows = await this.db
      .insertInto('incident_cases')
      .columns(['incident_id', 'case_id', 'linked_at'])
      .expression((eb) =>
        eb
          .selectFrom('cases')
          .select([eb.val(incidentId).as('incident_id'), 'id', eb.val(new Date(at)).as('linked_at')])
          .where('id', 'in', [...caseIds])
          .where('state', 'in', [...OPEN_CASE_STATES]),
      )
      .onConflict((c) => c.columns(['incident_id', 'case_id']).doNothing())
      .returning('case_id')
      .execute();
    return rows.map((row) => row.case_id);
  }

  /** Every case linked to the incident, with whether its user still needs help. */
  async linked(incidentId: string): Promise<{ caseId: string; stillNeedsHelp: boolean }[]> {
    const rows = await this.db
      .selectFrom('incident_cases')
      .select(['case_id', 'still_needs_help_at'])
      .where('incident_id', '=', incidentId)
      .orderBy('linked_at')
      .execute();
    return rows.map((row) => ({ caseId: row.case_id, stillNeedsHelp: row.still_needs_help_at !== null }));
  }

  /** The user's answer on every incident their case is linked to; false if it is linked to none. */
  async answer(caseId: string, answer: 'still_need_help' | 'solved', at: number): Promise<boolean> {
    const when = new Date(at);
    const rows = await this.db
      .updateTable('incident_cases')
      .set(
        answer === 'still_need_help'
          ? { still_needs_help_at: when, answered_at: null }
          : { answered_at: when, still_needs_help_at: null },
      )
      .where('case_id', '=', caseId)
      .returning('incident_id')
      .execute();
    return rows.length > 0;
  }

  /** Cases its resolution closed without an agent. */
  async answered(incidentId: string, caseIds: readonly string[], at: number): Promise<void> {
    if (caseIds.length === 0) return;
    await this.db
      .updateTable('incident_cases')
      .set({ answered_at: new Date(at) })
      .where('incident_id', '=', incidentId)
      .where('case_id', 'in', [...caseIds])
      .execute();
  }

  /** Each case's latest notice: the newest status or resolution among the incidents it is linked to. */
  async notices(caseIds: readonly string[]): Promise<Map<string, StoredNotice>> {
    if (caseIds.length === 0) return new Map();
    const { rows } = await sql<{
      case_id: string;
      id: string;
      title: string;
      message: string;
      posted_at: Date;
      resolved: boolean;
      still: boolean;
    }>`
      select distinct on (l.case_id) l.case_id, i.id, coalesce(i.title, i.keyword, '') as title,
        coalesce(i.resolution, i.status_message) as message,
        coalesce(i.resolved_at, i.status_at) as posted_at,
        i.resolved_at is not null as resolved, l.still_needs_help_at is not null as still
      from incident_cases l join incidents i on i.id = l.incident_id
      where l.case_id = any(${[...caseIds]}::text[])
        and coalesce(i.resolution, i.status_message) is not null
      order by l.case_id, coalesce(i.resolved_at, i.status_at) desc`.execute(this.db);
    return new Map(
      rows.map((row) => [
        row.case_id,
        {
          caseId: row.case_id,
          incidentId: row.id,
          title: row.title,
          message: row.message,
          postedAt: new Date(row.posted_at),
          resolved: row.resolved,
          stillNeedsHelp: row.still,
        },
      ]),
    );
  }

  /** Whether any unresolved incident has a status: only then need a new case look for one. */
  async anyStatus(): Promise<boolean> {
    const row = await this.db
      .selectFrom('incidents')
      .select('id')
      .where('resolved_at', 'is', null)
      .where('status_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Per incident: cases answered, users still needing help, and reports per minute since `since`. */
  async tallies(incidentIds: readonly string[], since: number, minutes: number) {
    const tallies = new Map<string, IncidentTally>();
    if (incidentIds.length === 0) return tallies;
    const ids = [...incidentIds];
    for (const id of ids)
      tallies.set(id, { answered: 0, stillNeedHelp: 0, perMinute: Array(minutes).fill(0) });
    const { rows: counts } = await sql<{ incident_id: string; answered: string; still: string }>`
      select incident_id, count(answered_at) as answered, count(still_needs_help_at) as still
      from incident_cases where incident_id = any(${ids}::text[]) group by incident_id`.execute(this.db);
    for (const row of counts)
      Object.assign(tallies.get(row.incident_id)!, {
        answered: Number(row.answered),
        stillNeedHelp: Number(row.still),
      });
    const { rows: buckets } = await sql<{ incident_id: string; minute: number; n: string }>`
      select l.incident_id, floor(extract(epoch from (c.created_at - ${new Date(since)}::timestamptz)) / 60)::int as minute,
        count(*) as n
      from incident_cases l join cases c on c.id = l.case_id
      where l.incident_id = any(${ids}::text[]) and c.created_at >= ${new Date(since)}
      group by 1, 2`.execute(this.db);
    for (const row of buckets) {
      const perMinute = tallies.get(row.incident_id)!.perMinute;
      if (row.minute >= 0 && row.minute < minutes) perMinute[row.minute] = Number(row.n);
    }
    return tallies;
  }

  /** Cases any incident answered without an agent since then. */
  async answeredSince(since: number): Promise<number> {
    const row = await this.db
      .selectFrom('incident_cases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('answered_at', '>=', new Date(since))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
