import { sql, type Kysely } from 'kysely';
import type { MessageRole } from '../../core/protocol/vocabulary.js';
import type { Database, MessageRow, StoredArticleLink, StoredAttachment } from './schema.js';

/** What a conversation line is when it is written. */
export interface NewMessage {
  id: string;
  caseId: string;
  role: MessageRole;
  /** The agent's id, or the platform user's; none for assistant and system lines. */
  authorId: string | null;
  internal: boolean;
  body: string;
  /** Files the line carries (a video clip); none for most lines. */
  attachments?: StoredAttachment[];
  createdAt: number;
}

/** An assistant's line: no author, never internal, and the articles it answers with. */
export interface AssistantLine {
  id: string;
  caseId: string;
  body: string;
  articles: StoredArticleLink[];
  createdAt: number;
}

export interface MessagePage {
  /** Leaves out internal notes when false: what a user may read. */
  includeInternal: boolean;
  limit?: number;
  /** A message id: only messages older than it. */
  before?: string;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** How many messages a read returns when it names no limit: the latest ones. */
export const DEFAULT_MESSAGE_PAGE = 200;

/** Each case's conversation in the system of record. Owns the `messages` table. */
export class MessageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stored after every line already there: instances' clocks differ and a millisecond holds many
   * lines, so a line written after another never sorts before it (PostgreSQL keeps microseconds).
   * Returns when it was stored, or null when the case is gone (erased meanwhile).
   */
  async add(message: NewMessage): Promise<Date | null> {
    const latest = this.db
      .selectFrom('messages')
      .select(sql<Date>`max(created_at) + interval '1 microsecond'`.as('next'))
      .where('case_id', '=', message.caseId);
    const values = this.db.insertInto('messages').values({
      id: message.id,
      case_id: message.caseId,
      role: message.role,
      author_id: message.authorId,
      internal: message.internal,
      body: message.body,
      attachments: JSON.stringify(message.attachments ?? []),
      created_at: sql<Date>`greatest(${new Date(message.createdAt)}::timestamptz, (${latest}))`,
    });
    try {
      return (await values.returning('created_at').executeTakeFirstOrThrow()).created_at;
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
      throw error;
    }
  }

  /**
   * Writes an assistant line only while the case is with the assistant, and returns when it was
   * stored, or null if a person has the case now. The case row is share-locked for the insert,
   * and a handoff changes the case's state here before any agent can be offered it, so an
   * assistant line is either stored before the handoff or not at all: never after it.
   */
  async addWhileHeld(line: AssistantLine): Promise<Date | null> {
    return this.db.transaction().execute(async (tx) => {
      const held = await tx
        .selectFrom('cases')
        .select('id')
        .where('id', '=', line.caseId)
        .where('state', '=', 'assistant')
        .forShare()
        .executeTakeFirst();
      if (!held) return null;
      const { rows } = await sql<{ created_at: Date }>`
        insert into messages (id, case_id, role, author_id, internal, body, attachments, articles, created_at)
        values (${line.id}, ${line.caseId}, 'assistant', null, false, ${line.body}, '[]'::jsonb,
                ${JSON.stringify(line.articles)}::jsonb,
                greatest(${new Date(line.createdAt)}::timestamptz,
                         (select max(created_at) + interval '1 microsecond' from messages where case_id = ${line.caseId})))
        returning created_at`.execute(tx);
      return rows[0]?.created_at ?? null;
    });
  }

  /** A page of one case's messages, oldest first: the latest `limit` of them, or those before `before`. */
  async list(caseId: string, page: MessagePage): Promise<MessageRow[]> {
    let query = this.db
      .selectFrom('messages')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit ?? DEFAULT_MESSAGE_PAGE);
    if (!page.includeInternal) query = query.where('internal', '=', false);
    if (page.before) {
      const cursor = this.db
        .selectFrom('messages')
        .select(['created_at', 'id'])
        .where('id', '=', page.before)
        .where('case_id', '=', caseId);
      // Row comparison: ties on created_at (one millisecond) are broken by the time-ordered id.
      query = query.where(sql<boolean>`(created_at, id) < ${cursor}`);
    }
    return (await query.execute()).reverse();
  }
}
