import type { EventBus } from '../../platform/bus/EventBus.js';
import type { HeldCases } from '../../platform/db/HeldCases.js';
import type { MessageRepository, NewMessage } from '../../platform/db/MessageRepository.js';
import type { StoredArticleLink } from '../../platform/db/schema.js';
import { MessageIds } from '../conversations/MessageIds.js';
import { toConversationMessage } from '../conversations/messageView.js';

/** How many of the latest lines are read for what the user has said. */
const USER_LINES_READ = 20;

/**
 * The assistant's lines in a conversation: stored like any other line (role `assistant`, no
 * author) and pushed to the user's sockets over the same channel as agents' lines. While it holds
 * a case a line is stored only if it still does (see HeldCases), so nothing it says lands after a
 * person has the case.
 */
export class AssistantLines {
  private readonly ids = new MessageIds();

  constructor(
    private readonly deps: {
      messages: Pick<MessageRepository, 'add' | 'list'>;
      held: Pick<HeldCases, 'say' | 'handOver'>;
      bus: Pick<EventBus, 'publish'>;
      now: () => number;
    },
  ) {}

  /** Says this while the assistant holds the case; returns false (nothing stored) once it does not. */
  async sayWhileHeld(requestId: string, body: string, articles: StoredArticleLink[] = []): Promise<boolean> {
    const line = this.draft(requestId, body, articles);
    return this.pushIfStored(line, await this.deps.held.say(line));
  }

  /**
   * Hands the held case to a person in the system of record, with this last line; returns false
   * when the case was not held there (closed, or handed over already).
   */
  async sayHandover(requestId: string, body: string, reason: string, at: number): Promise<boolean> {
    const line = this.draft(requestId, body);
    return this.pushIfStored(line, await this.deps.held.handOver(requestId, reason, at, line));
  }

  /** The last word on a case the user closed as self-served: no person ever had it. */
  async sayClosing(requestId: string, body: string): Promise<void> {
    const line = this.draft(requestId, body);
    await this.pushIfStored(line, await this.deps.messages.add(line));
  }

  /** What the user has written in the conversation so far, oldest first (their latest lines). */
  async userLines(requestId: string): Promise<string[]> {
    const rows = await this.deps.messages.list(requestId, { includeInternal: false, limit: USER_LINES_READ });
    return rows.filter((row) => row.role === 'user' && row.body).map((row) => row.body);
  }

  private draft(requestId: string, body: string, articles: StoredArticleLink[] = []): NewMessage {
    const createdAt = this.deps.now();
    const id = this.ids.next(createdAt);
    return {
      id,
      caseId: requestId,
      role: 'assistant',
      authorId: null,
      internal: false,
      body,
      articles,
      createdAt,
    };
  }

  private async pushIfStored(line: NewMessage, storedAt: Date | null): Promise<boolean> {
    if (!storedAt) return false;
    const row = {
      id: line.id,
      case_id: line.caseId,
      role: line.role,
      author_id: null,
      internal: false,
      body: line.body,
      attachments: [],
      articles: line.articles ?? [],
      created_at: storedAt,
    };
    const message = toConversationMessage(row, new Map());
    const { caseId: requestId } = line;
    await this.deps.bus.publish({ t: 'request', requestId, frame: { type: 'message', requestId, message } });
    return true;
  }
}
