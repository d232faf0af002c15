import { sql, type Kysely, type Selectable } from 'kysely';
import type { CallsTable, CaseRow, Database, MessageRow, UserProfilesTable } from './schema.js';

export type ProfileRow = Selectable<UserProfilesTable>;
export type CallRow = Selectable<CallsTable>;

/** One of the user's cases with what hangs off it. */
export interface CaseFile {
  case: CaseRow;
  /** Oldest first. */
  calls: CallRow[];
  /** The latest `messagesPerCase` lines, oldest first, internal notes included. */
  messages: MessageRow[];
  /** Every line the case has, however many were read. */
  messageCount: number;
}

export interface CustomerFile {
  profile: ProfileRow;
  /** Newest first. */
  cases: CaseFile[];
}

export interface CustomerLimits {
  cases: number;
  messagesPerCase: number;
}

/**
 * The user as agents see them: the profile and their cases with calls and conversations. Reads
 * only; the writes belong to CaseRepository and MessageRepository. A fixed number of queries
 * whatever the number of cases or lines: the calls and messages of every listed case come at once.
 */
export class ProfileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Whose case this is, open or long closed; undefined when there is no such case. */
  async ownerOf(caseId: string): Promise<string | undefined> {
    const found = await this.db
      .selectFrom('cases')
      .select('user_id')
      .where('id', '=', caseId)
      .executeTakeFirst();
    return found?.user_id;
  }

  /** Null when the user has no profile (never asked for help, or erased). */
  async customer(userId: string, limits: CustomerLimits): Promise<CustomerFile | null> {
    const [profile, cases] = await Promise.all([
      this.db
        .selectFrom('user_profiles')
        .selectAll()
        .where('platform_user_id', '=', userId)
        .executeTakeFirst(),
      this.db
        .selectFrom('cases')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limits.cases)
        .execute(),
    ]);
    if (!profile) return null;
    const ids = cases.map((c) => c.id);
    if (ids.length === 0) return { profile, cases: [] };
    const [calls, messages] = await Promise.all([
      this.callsOf(ids),
      this.latestMessagesOf(ids, limits.messagesPerCase),
    ]);
    return {
      profile,
      cases: cases.map((row) => ({
        case: row,
        calls: calls.filter((call) => call.case_id === row.id),
        messages: messages.lines.filter((line) => line.case_id === row.id),
        messageCount: messages.counts.get(row.id) ?? 0,
      })),
    };
  }

  private callsOf(caseIds: string[]): Promise<CallRow[]> {
    return this.db
      .selectFrom('calls')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('started_at')
      .orderBy('session_id')
      .execute();
  }

  /** Each case's latest lines, oldest first, and how many it has in all: one query. */
  private async latestMessagesOf(caseIds: string[], perCase: number) {
    const ranked = this.db
      .selectFrom('messages')
      .selectAll()
      .select([
        // Ties on created_at are broken by the time-ordered id, as the conversation pages are.
        sql<string>`row_number() over (partition by case_id order by created_at desc, id desc)`.as(
          'from_latest',
        ),
        sql<string>`count(*) over (partition by case_id)`.as('in_case'),
      ])
      .where('case_id', 'in', caseIds);
    const rows = await this.db
      .selectFrom(ranked.as('m'))
      .selectAll()
      .where('from_latest', '<=', String(perCase))
      .orderBy('case_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const counts = new Map(rows.map((row) => [row.case_id, Number(row.in_case)]));
    const lines: MessageRow[] = rows.map(({ from_latest: _rank, in_case: _count, ...line }) => line);
    return { lines, counts };
  }
}
