import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import {
  AGENT_ROLES,
  ASSISTANT_ANSWERS,
  HANDOFF_REASONS,
  ATTACHMENT_KINDS,
  AGENT_STATUSES,
  CATEGORIES,
  CHANNELS,
  MEDIA_KINDS,
  MESSAGE_ROLES,
  OUTCOMES,
  QUEUE_STATES,
  REQUEST_STATES,
  SENTIMENTS,
  TASK_KINDS,
  TASK_STATES,
  TIERS,
  TRANSCRIPT_STATUSES,
  URGENCY_LEVELS,
  WAITING_CLOSE_REASONS,
} from './vocabulary.js';

/** Shapes shared by REST replies, WebSocket frames and OpenAPI, built from the vocabulary lists. */

const oneOf = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(
    values.map((value): TLiteral<T> => Type.Literal(value)),
    options,
  );

export const Category = oneOf(CATEGORIES, { description: 'What the problem is about' });
export const Channel = oneOf(CHANNELS);
export const MediaKind = oneOf(MEDIA_KINDS);
export const Tier = oneOf(TIERS, { description: "The user's standing, from the signed identity only" });
export const UrgencyLevel = oneOf(URGENCY_LEVELS);
export const Sentiment = oneOf(SENTIMENTS);
export const RequestState = oneOf(REQUEST_STATES);
export const TranscriptStatus = oneOf(TRANSCRIPT_STATUSES);
export const AgentRole = oneOf(AGENT_ROLES);
export const AgentStatus = oneOf(AGENT_STATUSES);
export const QueueState = oneOf(QUEUE_STATES);
export const HandoffReason = oneOf(HANDOFF_REASONS, {
  description: 'Why the assistant handed the case to a person',
});
export const AssistantAnswer = oneOf(ASSISTANT_ANSWERS);
export const WaitingCloseReason = oneOf(WAITING_CLOSE_REASONS);
export const MessageRole = oneOf(MESSAGE_ROLES, { description: 'Who said it' });
export const Outcome = oneOf(OUTCOMES, { description: 'How the agent closed the session' });
export const TaskKind = oneOf(TASK_KINDS);
export const TaskState = oneOf(TASK_STATES);
export const AttachmentKind = oneOf(ATTACHMENT_KINDS);

/** A BCP 47 language tag such as en, zh or zh-Hans-CN. */
export const LanguageTag = Type.String({ pattern: '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$', maxLength: 35 });

export const StreamContext = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    offsetSeconds: Type.Number({ minimum: 0, maximum: 7 * 24 * 3600 }),
  },
  { additionalProperties: false, description: 'The livestream the user was on and where in it' },
);
export type StreamContext = Static<typeof StreamContext>;

/** The part of the scorer's verdict that clients see. */
export const UrgencySummary = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 100 }),
  level: UrgencyLevel,
  reasons: Type.Array(Type.String()),
});

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    retryAfterSeconds: Type.Optional(
      Type.Integer({ minimum: 0, description: 'On 429: when to try again (also the Retry-After header)' }),
    ),
    problems: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() }), {
        description:
          'On LIFELINE_POLICY_INVALID: every problem found, each at a JSON pointer into the document',
      }),
    ),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
