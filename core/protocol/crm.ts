import { Type, type Static } from '@sinclair/typebox';
import { ConversationMessage } from './conversations.js';
import { Channel, Tier } from './domain.js';

/**
 * The agent's view of the user behind a request (CRM): who they are and every case they opened,
 * on any channel, with its calls, wrap-ups, ratings and whole conversation. Agents only.
 */

const DateTime = Type.String({ format: 'date-time' });

export const UserProfileView = Type.Object({
  platformUserId: Type.String({ description: "The host platform's id for the user; never sent to users" }),
  name: Type.Optional(Type.String({ description: 'The display name the platform last gave' })),
  tier: Tier,
  languages: Type.Array(Type.String(), { description: 'Languages of their first contact' }),
  firstSeenAt: DateTime,
  lastSeenAt: DateTime,
});
export type UserProfileView = Static<typeof UserProfileView>;

export const PastCall = Type.Object({
  sessionId: Type.String(),
  agentId: Type.String(),
  agentName: Type.Optional(Type.String({ description: 'Left out when the agent was deleted since' })),
  startedAt: DateTime,
  endedAt: Type.Optional(DateTime),
  endedReason: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.String({ description: "The agent's wrap-up outcome" })),
  note: Type.Optional(Type.String({ description: "The agent's wrap-up note" })),
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: "The user's stars" })),
});
export type PastCall = Static<typeof PastCall>;

export const CustomerCase = Type.Object({
  id: Type.String({ description: 'The help request id' }),
  channel: Channel,
  language: Type.String(),
  category: Type.String(),
  level: Type.String(),
  state: Type.String(),
  text: Type.Optional(Type.String({ description: 'What the user wrote when asking' })),
  createdAt: DateTime,
  endedAt: Type.Optional(DateTime),
  endedReason: Type.Optional(Type.String()),
  calls: Type.Array(PastCall, { description: 'Oldest first' }),
  messages: Type.Array(ConversationMessage, {
    description: 'The conversation, oldest first, internal notes included: its latest lines',
  }),
  messageCount: Type.Integer({
    minimum: 0,
    description: 'How many lines the conversation has; more than `messages` holds when it was cut',
  }),
});
export type CustomerCase = Static<typeof CustomerCase>;

export const CustomerReply = Type.Object({
  profile: UserProfileView,
  cases: Type.Array(CustomerCase, { description: 'Newest first, the request asked about included' }),
});
export type CustomerReply = Static<typeof CustomerReply>;
