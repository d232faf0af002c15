import { Type, type Static } from '@sinclair/typebox';
import {
  Category,
  Channel,
  LanguageTag,
  MediaKind,
  RequestState,
  StreamContext,
  Tier,
  Urgency,
} from '../schemas/domain.js';

/** Longest problem description a user may type; voice messages carry the rest. */
export const MAX_TEXT_LENGTH = 4000;

export const CreateHelpRequestBody = Type.Object(
  {
    channel: Channel,
    media: Type.Optional(MediaKind),
    language: LanguageTag,
    text: Type.Optional(Type.String({ maxLength: MAX_TEXT_LENGTH })),
    category: Type.Optional(Category),
    stream: Type.Optional(StreamContext),
  },
  {
    additionalProperties: false,
    description: 'Tier, identity and priority are never accepted here: they come from the signed identity',
  },
);
export type CreateHelpRequestBody = Static<typeof CreateHelpRequestBody>;

const QueueFields = {
  position: Type.Integer({ minimum: 0, description: '1-based place among waiting requests' }),
  etaSeconds: Type.Integer({ minimum: 0 }),
};

export const CreatedReply = Type.Object({
  id: Type.String(),
  accessToken: Type.String({
    description: 'Bearer token for this one request: its REST calls and its WebSocket',
  }),
  ...QueueFields,
  state: Type.Union([Type.Literal('waiting'), Type.Literal('connecting')]),
});

export const HelpRequestView = Type.Object({
  id: Type.String(),
  state: RequestState,
  channel: Channel,
  media: Type.Optional(MediaKind),
  language: Type.String(),
  category: Type.String(),
  text: Type.Optional(Type.String()),
  tier: Tier,
  urgency: Type.Composite([
    Urgency,
    Type.Object({ category: Type.String(), sentiment: Type.Optional(Type.String()) }),
  ]),
  transcript: Type.Optional(
    Type.Object({
      status: Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed')]),
      text: Type.Optional(Type.String()),
      language: Type.Optional(Type.String()),
      segments: Type.Optional(
        Type.Array(
          Type.Object({ startSeconds: Type.Number(), endSeconds: Type.Number(), text: Type.String() }),
        ),
      ),
    }),
  ),
  voice: Type.Optional(Type.Object({ seconds: Type.Number(), contentType: Type.String() })),
  stream: Type.Optional(StreamContext),
  createdAt: Type.String({ format: 'date-time' }),
  position: Type.Optional(QueueFields.position),
  etaSeconds: Type.Optional(QueueFields.etaSeconds),
  sessionId: Type.Optional(Type.String()),
});

export const CancelReply = Type.Object({ id: Type.String(), state: Type.String() });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
