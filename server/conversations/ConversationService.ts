import { LifelineError } from '../../core/errors/LifelineError.js';
import type { ConversationMessage } from '../../core/protocol/conversations.js';
import type { MessageRole } from '../../core/protocol/vocabulary.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { MessageRepository } from '../../platform/db/MessageRepository.js';
import type { StoredAttachment } from '../../platform/db/schema.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { Agent, AgentRepository } from '../agents/AgentRepository.js';
import type { Principal } from '../auth/principal.js';
import type { PlatformNotifier } from '../notify/PlatformNotifier.js';
import { MessageIds } from './MessageIds.js';
import { agentAuthors, toConversationMessage } from './messageView.js';

export interface ConversationDeps {
  messages: MessageRepository;
  /** The case in PostgreSQL: it exists for as long as the conversation does, open or closed. */
  cases: Pick<CaseRepository, 'get'>;
  /** The hot request record: who is offered or serving it right now. */
  requests: { record(id: string): Promise<RequestRecord | null> };
  agents: Pick<AgentRepository, 'findById' | 'namesOf'>;
  bus: Pick<EventBus, 'publish'>;
  now: () => number;
  /** Whether the request's user holds a live socket right now. */
  userPresent: (requestId: string) => Promise<boolean>;
  /** Tells the host platform, so it can push a notification to a user who is away. */
  notifier: Pick<PlatformNotifier, 'notify'>;
  /** Hears the user's lines on a case the assistant holds, after they are stored and pushed. */
  assistant?: { heard(requestId: string, line: { body: string; hasAttachment: boolean }): Promise<void> };
}

/** Who is speaking in a conversation, once allowed to. */
type Participant =
  | { role: 'user'; userId: string; record: RequestRecord | null }
  | { role: 'agent'; agent: Agent; record: RequestRecord | null };

/**
 * One conversation per help request, whatever carries it (REST, the WebSocket, chat during a
 * call). The request's own user and the agent offered or serving it take part, and any
 * supervisor; agents may write internal notes the user never receives or reads.
 */
export class ConversationService {
  private readonly ids = new MessageIds();

  constructor(private readonly deps: ConversationDeps) {}

  async post(
    principal: Principal,
    requestId: string,
    text: string,
    internal = false,
  ): Promise<ConversationMessage> {
    const body = text.trim();
    if (!body) throw new LifelineError('LIFELINE_VALIDATION', 'A message needs some text');
    if (internal && principal.kind === 'user')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only agents write internal notes');
    return this.store(await this.participant(principal, requestId), requestId, body, internal);
  }

  /**
   * A line that carries a file (a user's voice message or video clip) and no text, stored and pushed like any
   * other line. The file itself is already in the blob store; the line holds its key.
   */
  async attach(
    principal: Principal,
    requestId: string,
    file: StoredAttachment,
  ): Promise<ConversationMessage> {
    return this.store(await this.participant(principal, requestId), requestId, '', false, [file]);
  }

  /** Files carried by a conversation are read with its rights: refused unless this principal takes part. */
  async assertParticipant(principal: Principal, requestId: string): Promise<void> {
    await this.participant(principal, requestId);
  }

  private async store(
    speaker: Participant,
    requestId: string,
    body: string,
    internal: boolean,
    attachments?: StoredAttachment[],
  ): Promise<ConversationMessage> {
    const now = this.deps.now();
    const role: MessageRole = speaker.role;
    const authorId = speaker.role === 'user' ? speaker.userId : speaker.agent.id;
    const id = this.ids.next(now);
    const line = { id, caseId: requestId, role, authorId, internal, body, attachments, createdAt: now };
    const storedAt = await this.deps.messages.add(line);
    if (!storedAt) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such help request');
    const stored = { id, case_id: requestId, role, author_id: authorId, internal, body };
    const row = { ...stored, attachments: attachments ?? [], articles: [], created_at: storedAt };
    const names = new Map(speaker.role === 'agent' ? [[speaker.agent.id, speaker.agent.name]] : []);
    const message = toConversationMessage(row, names, speaker.record?.userName);
    await this.fanOut(speaker, message);
    if (speaker.role === 'user' && speaker.record?.state === 'assistant')
      await this.deps.assistant?.heard(requestId, { body, hasAttachment: (attachments?.length ?? 0) > 0 });
    return message;
  }

  /** Oldest first; a user never reads internal notes. */
  async list(
    principal: Principal,
    requestId: string,
    page: { limit?: number; before?: string } = {},
  ): Promise<ConversationMessage[]> {
    const reader = await this.participant(principal, requestId);
    const rows = await this.deps.messages.list(requestId, {
      ...page,
      includeInternal: reader.role === 'agent',
    });
    const names = await this.deps.agents.namesOf(agentAuthors(rows));
    return rows.map((row) => toConversationMessage(row, names, reader.record?.userName));
  }

  /** Allowed in, or refused: 403 for anyone else's request (before anything is looked up), 404 for none. */
  private async participant(principal: Principal, requestId: string): Promise<Participant> {
    if (principal.kind === 'user' && principal.requestId !== requestId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'A request token opens only its own conversation');
    const stored = await this.deps.cases.get(requestId);
    if (!stored) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such help request');
    const record = await this.deps.requests.record(requestId);
    if (principal.kind === 'user') {
      if (stored.user_id !== principal.userId) throw new LifelineError('LIFELINE_FORBIDDEN');
      return { role: 'user', userId: principal.userId, record };
    }
    const agent = await this.deps.agents.findById(principal.agentId);
    const involved = record?.offerAgentId === principal.agentId || record?.agentId === principal.agentId;
    if (!agent || (!involved && agent.role !== 'supervisor'))
      throw new LifelineError(
        'LIFELINE_FORBIDDEN',
        'Only the agent offered or serving this request, or a supervisor, takes part in its conversation',
      );
    return { role: 'agent', agent, record };
  }

  /**
   * To the user (never an internal note), to the agents offered or serving the request, and to
   * the sender's own sockets, so its other tabs and devices show the line too.
   */
  private async fanOut(speaker: Participant, message: ConversationMessage): Promise<void> {
    const { requestId } = message;
    const frame = { type: 'message' as const, requestId, message };
    const agentIds = new Set(
      [speaker.record?.agentId, speaker.record?.offerAgentId].filter((id): id is string => !!id),
    );
    if (speaker.role === 'agent') agentIds.add(speaker.agent.id);
    await Promise.all([
      ...(message.internal ? [] : [this.deps.bus.publish({ t: 'request', requestId, frame })]),
      ...[...agentIds].map((agentId) => this.deps.bus.publish({ t: 'agent', agentId, frame })),
    ]);
    if (speaker.role === 'agent' && !message.internal) await this.nudgeIfAway(requestId);
  }

  /** A reply to a user who is not connected reaches them through the platform's push. */
  private async nudgeIfAway(requestId: string): Promise<void> {
    if (await this.deps.userPresent(requestId)) return;
    const stored = await this.deps.cases.get(requestId);
    if (!stored?.user_id) return;
    const at = new Date(this.deps.now()).toISOString();
    const { user_id: userId, language } = stored;
    await this.deps.notifier.notify({ type: 'message', requestId, userId, at, language });
  }

  /** The names of the agents who wrote these lines; an agent deleted since is left unnamed. */
}
