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
  /** The articles an assistant line answers with; none on other lines. */
  articles?: StoredArticleLink[];
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

/**
 * Stores a line after every line already there: instances' clocks differ and a millisecond holds
 * many lines, so a line written after another never sorts before it (PostgreSQL keeps
 * microseconds). On a transaction too, for writers that lock the case first (HeldCases).
 */
export async function insertMessage(db: Kysely<Database>, message: NewMessage): Promise<Date> {
  const latest = db
    .selectFrom('messages')
    .select(sql<Date>`max(created_at) + interval '1 microsecond'`.as('next'))
    .where('case_id', '=', message.caseId);
  const inserted = await db
    .insertInto('messages')
    .values({
      id: message.id,
      case_id: message.caseId,
      role: message.role,
      author_id: message.authorId,
      internal: message.internal,
      body: message.body,
      attachments: JSON.stringify(message.attachments ?? []),
      articles: JSON.stringify(message.articles ?? []),
      created_at: sql<Date>`greatest(${new Date(message.createdAt)}::timestamptz, (${latest}))`,
    })
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return inserted.created_at;
}

/** Each case's conversation in the system of record. Owns the `messages` table. */
export class MessageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stored after every line already there (see insertMessage); null when the case is gone (erased meanwhile). */
  async add(message: NewMessage): Promise<Date | null> {
    try {
      return await insertMessage(this.db, message);
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
      throw error;
    }
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
