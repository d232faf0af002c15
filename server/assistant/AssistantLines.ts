import type { ConversationMessage } from '../../core/protocol/conversations.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { MessageRepository } from '../../platform/db/MessageRepository.js';
import type { StoredArticleLink } from '../../platform/db/schema.js';
import { MessageIds } from '../conversations/MessageIds.js';

/** How many of the latest lines are read for what the user has said. */
const USER_LINES_READ = 20;

/**
 * The assistant's lines in a conversation: stored like any other line (role `assistant`, no
 * author) and pushed to the user's sockets over the same channel as agents' lines. While it holds
 * a case a line is stored only if it still does (see MessageRepository.addWhileHeld), so nothing
 * it says lands after a person has the case.
 */
export class AssistantLines {
  private readonly ids = new MessageIds();

  constructor(
    private readonly deps: {
      messages: Pick<MessageRepository, 'addWhileHeld' | 'add' | 'list'>;
      bus: Pick<EventBus, 'publish'>;
      now: () => number;
    },
  ) {}

  /** Says this while the assistant holds the case; returns false (nothing stored) once it does not. */
  async sayWhileHeld(requestId: string, body: string, articles: StoredArticleLink[] = []): Promise<boolean> {
    const line = { id: this.ids.next(this.deps.now()), caseId: requestId, body, articles };
    const storedAt = await this.deps.messages.addWhileHeld({ ...line, createdAt: this.deps.now() });
    if (!storedAt) return false;
    await this.push({ ...line, storedAt });
    return true;
  }

  /** The last word on a case the user closed as self-served: no person ever had it. */
  async sayClosing(requestId: string, body: string): Promise<void> {
    const line = { id: this.ids.next(this.deps.now()), caseId: requestId, body, articles: [] };
    const storedAt = await this.deps.messages.add({
      ...line,
      role: 'assistant',
      authorId: null,
      internal: false,
      createdAt: this.deps.now(),
    });
    if (storedAt) await this.push({ ...line, storedAt });
  }

  /** A new line's id and text, for a caller that stores it itself (a handoff stores its line with the state change). */
  draft(
    requestId: string,
    body: string,
  ): { id: string; caseId: string; body: string; articles: StoredArticleLink[] } {
    return { id: this.ids.next(this.deps.now()), caseId: requestId, body, articles: [] };
  }

  /** What the user has written in the conversation so far, oldest first (their latest lines). */
  async userLines(requestId: string): Promise<string[]> {
    const rows = await this.deps.messages.list(requestId, { includeInternal: false, limit: USER_LINES_READ });
    return rows.filter((row) => row.role === 'user' && row.body).map((row) => row.body);
  }

  async push(line: {
    id: string;
    caseId: string;
    body: string;
    articles: StoredArticleLink[];
    storedAt: Date;
  }) {
    const message: ConversationMessage = {
      id: line.id,
      requestId: line.caseId,
      role: 'assistant',
      internal: false,
      body: line.body,
      ...(line.articles.length > 0 ? { articles: line.articles } : {}),
      createdAt: line.storedAt.toISOString(),
    };
    await this.deps.bus.publish({
      t: 'request',
      requestId: line.caseId,
      frame: { type: 'message', requestId: line.caseId, message },
    });
  }
}
