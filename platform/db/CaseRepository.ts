import { sql, type Kysely } from 'kysely';
import type { NewRequest } from '../stores/records.js';
import { keepIncidentUsers } from './IncidentRepository.js';
import { NewCases } from './NewCases.js';
import type { CaseRow, Database } from './schema.js';

/**
 * States a case is open in: with the assistant, waiting (queued; an offer is hot state only) or
 * with an agent.
 */
export const OPEN_CASE_STATES = ['assistant', 'queued', 'assigned'] as const;
/** Open and not yet with a person: what an instance may have died creating. */
const NOT_YET_SERVED = ['assistant', 'queued'];

/**
 * Cases in the system of record: created before they are queued, every state change kept as an
 * event, calls with their wrap-up and rating, and the user's profile seen at each contact.
 */
export class CaseRepository {
  private readonly newCases: NewCases;

  constructor(private readonly db: Kysely<Database>) {
    this.newCases = new NewCases(db);
  }

  /**
   * Writes a new case, its first event, its links to the incidents its report joined, and the
   * user's profile as seen now, atomically; with others opened at the same moment (see NewCases).
   */
  open(
    request: NewRequest,
    rank: number,
    incidentIds: readonly string[] = [],
    state: 'queued' | 'assistant' = 'queued',
  ): Promise<void> {
    return this.newCases.write({ request, rank, incidentIds, state });
  }

  /** Undoes `open` when the case could not be queued, so nothing half-made stays. */
  async discard(id: string): Promise<void> {
    await this.db.deleteFrom('cases').where('id', '=', id).execute();
  }

  /**
   * Cases waiting or with the assistant created in [fromMs, toMs], oldest first: those an
   * instance may have died creating.
   */
  queuedBetween(fromMs: number, toMs: number, limit: number): Promise<CaseRow[]> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('state', 'in', NOT_YET_SERVED)
      .where('created_at', '>=', new Date(fromMs))
      .where('created_at', '<=', new Date(toMs))
      .orderBy('created_at')
      .limit(limit)
      .execute();
  }

  /**
   * The case's state as of `at`, with an event for its history. A change replayed late from the
   * outbox (`onlyForward`) never overwrites a later one; a live change is applied as it comes,
   * since instances' clocks may differ by a little.
   */
  async transition(
    id: string,
    state: string,
    reason: string,
    at: number,
    { onlyForward = false }: { onlyForward?: boolean } = {},
  ): Promise<void> {
    const when = new Date(at);
    const closed = !(OPEN_CASE_STATES as readonly string[]).includes(state);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('cases')
        .set({
          state,
          updated_at: when,
          ...(closed ? { ended_at: when, ended_reason: reason } : { ended_at: null, ended_reason: null }),
        })
        .where('id', '=', id)
        .$if(onlyForward, (q) => q.where('updated_at', '<=', when))
        .execute();
      await tx.insertInto('case_events').values({ case_id: id, state, reason, at: when }).execute();
    });
  }

  /**
   * Puts a closed case back to waiting for a follow-up or an escalation, inside the caller's
   * transaction. A live call cannot be called back, so a `call` case continues as a text
   * conversation (its agent may turn it into a call again). Returns the case as it now stands;
   * one that is open already is left as it is.
   */
  async reopen(
    id: string,
    terms: { reason: string; at: number; rankFor: (score: number) => number },
    db: Kysely<Database> = this.db,
  ): Promise<CaseRow | undefined> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || (OPEN_CASE_STATES as readonly string[]).includes(row.state)) return row;
    const when = new Date(terms.at);
    const reopened = await db
      .updateTable('cases')
      .set({
        state: 'queued',
        rank: terms.rankFor(row.score),
        updated_at: when,
        ended_at: null,
        ended_reason: null,
        ...(row.channel === 'call' ? { channel: 'text', media: null } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_events')
      .values({ case_id: id, state: 'queued', reason: terms.reason, at: when })
      .execute();
    return reopened;
  }

  /** A step in the case's history that does not change its state; a replay of one written already adds nothing. */
  async noted(id: string, state: string, reason: string, at: number): Promise<void> {
    const when = new Date(at);
    const written = await this.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', id)
      .where('reason', '=', reason)
      .where('at', '=', when)
      .executeTakeFirst();
    if (!written)
      await this.db.insertInto('case_events').values({ case_id: id, state, reason, at: when }).execute();
  }

  /** Whether its user still waits to be called back (replaying it twice writes the same). */
  async callbackChoice(id: string, waiting: boolean): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ callback: waiting ? 'waiting' : null })
      .where('id', '=', id)
      .execute();
  }

  /** A call case goes on as a text conversation: a rebuild must never queue it as a call again. */
  async becameConversation(id: string, at: number): Promise<void> {
    await this.db
      .updateTable('cases')
      .set({ channel: 'text', media: null, updated_at: new Date(at) })
      .where('id', '=', id)
      .execute();
  }

  async rescored(id: string, urgency: { score: number; level: string; category: string; rank: number }) {
    await this.db.updateTable('cases').set(urgency).where('id', '=', id).execute();
  }

  /** A cold transfer moved the case to another category's queue: a rebuilt queue puts it there too. */
  async recategorised(id: string, category: string): Promise<void> {
    await this.db.updateTable('cases').set({ category }).where('id', '=', id).execute();
  }

  /** A warm transfer: the call is the new agent's from now; who had it before is in audit_events. */
  /** False when the call is not recorded (yet), as for a wrap-up. */
  async handedOver(sessionId: string, agentId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('calls')
      .set({ agent_id: agentId })
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async callStarted(sessionId: string, caseId: string, agentId: string, at: number): Promise<void> {
    await this.db
      .insertInto('calls')
      .values({ session_id: sessionId, case_id: caseId, agent_id: agentId, started_at: new Date(at) })
      .onConflict((c) => c.column('session_id').doNothing())
      .execute();
  }

  async callEnded(
    sessionId: string,
    reason: string,
    at: number,
    wrapUp: { outcome?: string; note?: string } = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('calls')
      .set({ ended_at: new Date(at), ended_reason: reason, ...this.wrapUpFields(wrapUp) })
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** False when the call is not recorded (yet): its start may still be on its way from the outbox. */
  async wrapUp(sessionId: string, wrapUp: { outcome?: string; note?: string }): Promise<boolean> {
    const fields = this.wrapUpFields(wrapUp);
    if (Object.keys(fields).length === 0) return true;
    const result = await this.db
      .updateTable('calls')
      .set(fields)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The user's rating lands on the case's latest call. */
  async rate(caseId: string, stars: number): Promise<void> {
    const latest = this.db
      .selectFrom('calls')
      .select('session_id')
      .where('case_id', '=', caseId)
      .orderBy('started_at', 'desc')
      .limit(1);
    await this.db.updateTable('calls').set({ rating: stars }).where('session_id', 'in', latest).execute();
  }

  /**
   * Open cases, most urgent first, a page at a time: what the hot queue must hold. The next page
   * starts after the last case of this one, by rank and then id, so each is read once.
   */
  openCases(limit: number, after?: { rank: number; id: string }): Promise<CaseRow[]> {
    let query = this.db
      .selectFrom('cases')
      .selectAll()
      .where('state', 'in', [...OPEN_CASE_STATES]);
    if (after)
      query = query.where((eb) =>
        eb.or([eb('rank', '<', after.rank), eb.and([eb('rank', '=', after.rank), eb('id', '<', after.id)])]),
      );
    return query.orderBy('rank', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * Cases that were with an agent or the assistant when Redis lost their hot state wait for a
   * person again: one statement for all of them, each with its event. Returns how many moved (a
   * case no longer assigned or held stays).
   */
  async requeueLost(ids: readonly string[], at: number): Promise<number> {
    if (ids.length === 0) return 0;
    const when = new Date(at);
    const result = await this.db
      .with('moved', (db) =>
        db
          .updateTable('cases')
          .set({ state: 'queued', updated_at: when, ended_at: null, ended_reason: null })
          .where('id', 'in', [...ids])
          .where('state', 'in', ['assigned', 'assistant'])
          .returning('id'),
      )
      .insertInto('case_events')
      .columns(['case_id', 'state', 'reason', 'at'])
      .expression(sql`select id, 'queued', 'state_store_lost', ${when}::timestamptz from moved`)
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /** A user's cases, newest first. */
  casesOf(userId: string, limit: number): Promise<CaseRow[]> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Erases a user: their cases with everything hanging off them (events, messages, calls, tasks,
   * incident links, all by ON DELETE CASCADE), and their profile.
   */
  async eraseUser(userId: string): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      await keepIncidentUsers(tx, userId);
      const deleted = await tx.deleteFrom('cases').where('user_id', '=', userId).executeTakeFirst();
      await tx.deleteFrom('user_profiles').where('platform_user_id', '=', userId).execute();
      return Number(deleted.numDeletedRows);
    });
  }

  /** Retention: conversation lines older than the cutoff go; the cases and calls stay. */
  async purgeMessagesBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('messages')
      .where('created_at', '<', new Date(cutoff))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  get(id: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private wrapUpFields(wrapUp: { outcome?: string; note?: string }) {
    return {
      ...(wrapUp.outcome ? { outcome: wrapUp.outcome } : {}),
      ...(wrapUp.note ? { note: wrapUp.note } : {}),
    };
  }
}
