import { LifelineError } from '../../core/errors/LifelineError.js';
import type { CustomerCase, CustomerReply, PastCall } from '../../core/protocol/crm.js';
import type { Channel, Tier } from '../../core/protocol/vocabulary.js';
import type {
  CallRow,
  CaseFile,
  CustomerFile,
  ProfileRepository,
} from '../../platform/db/ProfileRepository.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import { agentAuthors, toConversationMessage } from '../conversations/messageView.js';

/** How many of the user's cases the console shows, newest first. */
const CASE_LIMIT = 20;
/** The latest lines of each case's conversation; the reply says how many there are in all. */
const MESSAGES_PER_CASE = 200;

export interface CustomerViewDeps {
  profiles: Pick<ProfileRepository, 'ownerOf' | 'customer'>;
  /** The hot request record: who is offered or serving it right now. */
  requests: { record(id: string): Promise<RequestRecord | null> };
  agents: Pick<AgentRepository, 'findById' | 'namesOf'>;
}

const iso = (at: Date) => new Date(at).toISOString();
const isoIfAny = <K extends string>(key: K, at: Date | null) =>
  (at ? { [key]: iso(at) } : {}) as Partial<Record<K, string>>;
const ifAny = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/**
 * The user behind a request as an agent sees them: the profile and every case they opened, on any
 * channel, from the system of record, so it reads the same for a case closed long ago.
 */
export class CustomerView {
  constructor(private readonly deps: CustomerViewDeps) {}

  /** The agent offered or serving the request, or any supervisor; 404 when no such case exists. */
  async forAgent(agentId: string, requestId: string): Promise<CustomerReply> {
    const userId = await this.deps.profiles.ownerOf(requestId);
    if (!userId) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such help request');
    await this.authorise(agentId, requestId);
    const found = await this.deps.profiles.customer(userId, {
      cases: CASE_LIMIT,
      messagesPerCase: MESSAGES_PER_CASE,
    });
    if (!found) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such user');
    return this.toReply(found, await this.agentNames(found));
  }

  private async authorise(agentId: string, requestId: string): Promise<void> {
    const record = await this.deps.requests.record(requestId);
    if (record && (record.offerAgentId === agentId || record.agentId === agentId)) return;
    if ((await this.deps.agents.findById(agentId))?.role === 'supervisor') return;
    throw new LifelineError(
      'LIFELINE_FORBIDDEN',
      'Only the agent offered or serving this request, or a supervisor, may see its user',
    );
  }

  private toReply({ profile, cases }: CustomerFile, agents: Map<string, string>): CustomerReply {
    const userName = profile.name ?? undefined;
    return {
      profile: {
        platformUserId: profile.platform_user_id,
        ...ifAny('name', userName),
        tier: profile.tier as Tier,
        languages: profile.languages,
        firstSeenAt: iso(profile.first_seen_at),
        lastSeenAt: iso(profile.last_seen_at),
      },
      cases: cases.map((file) => this.toCase(file, agents, userName)),
    };
  }

  private toCase(file: CaseFile, agents: Map<string, string>, userName?: string): CustomerCase {
    const row = file.case;
    return {
      id: row.id,
      channel: row.channel as Channel,
      language: row.language,
      category: row.category,
      level: row.level,
      state: row.state,
      ...ifAny('text', row.text),
      createdAt: iso(row.created_at),
      ...isoIfAny('endedAt', row.ended_at),
      ...ifAny('endedReason', row.ended_reason),
      calls: file.calls.map((call) => this.toCall(call, agents)),
      messages: file.messages.map((line) => toConversationMessage(line, agents, userName)),
      messageCount: file.messageCount,
    };
  }

  private toCall(call: CallRow, agents: Map<string, string>): PastCall {
    return {
      sessionId: call.session_id,
      agentId: call.agent_id,
      ...ifAny('agentName', agents.get(call.agent_id)),
      startedAt: iso(call.started_at),
      ...isoIfAny('endedAt', call.ended_at),
      ...ifAny('endedReason', call.ended_reason),
      ...ifAny('outcome', call.outcome),
      ...ifAny('note', call.note),
      ...ifAny('rating', call.rating),
    };
  }

  /** Names of the agents who took the calls or wrote the lines; one deleted since is left unnamed. */
  private agentNames({ cases }: CustomerFile): Promise<Map<string, string>> {
    return this.deps.agents.namesOf(
      cases.flatMap((file) => [...file.calls.map((call) => call.agent_id), ...agentAuthors(file.messages)]),
    );
  }
}
