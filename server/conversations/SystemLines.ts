import type { ConversationMessage } from '../../core/protocol/conversations.js';
import type { SystemEvent } from '../../core/protocol/vocabulary.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { MessageRepository } from '../../platform/db/MessageRepository.js';
import { MessageIds } from './MessageIds.js';

/**
 * Lifeline's own lines in a conversation (a call started or ended), stored with the case like
 * any other line and pushed to the user and the serving agent. The body is an event code.
 */
export class SystemLines {
  private readonly ids = new MessageIds();

  constructor(
    private readonly deps: {
      messages: Pick<MessageRepository, 'add'>;
      bus: Pick<EventBus, 'publish'>;
      now: () => number;
    },
  ) {}

  async say(requestId: string, agentId: string, event: SystemEvent): Promise<void> {
    const now = this.deps.now();
    const id = this.ids.next(now);
    const line = {
      id,
      caseId: requestId,
      role: 'system' as const,
      authorId: null,
      internal: false,
      body: event,
    };
    const storedAt = await this.deps.messages.add({ ...line, createdAt: now });
    if (!storedAt) return;
    const message: ConversationMessage = {
      id,
      requestId,
      role: 'system',
      internal: false,
      body: event,
      createdAt: storedAt.toISOString(),
    };
    const frame = { type: 'message' as const, requestId, message };
    await Promise.all([
      this.deps.bus.publish({ t: 'request', requestId, frame }),
      this.deps.bus.publish({ t: 'agent', agentId, frame }),
    ]);
  }
}
