import { Type, type Static } from '@sinclair/typebox';
import {
  AssistantAnswer,
  Category,
  HandoffReason,
  Channel,
  LanguageTag,
  MediaKind,
  QueueState,
  RequestState,
  Sentiment,
  StreamContext,
  Tier,
  TranscriptStatus,
  UrgencySummary,
} from './domain.js';
import { MAX_TEXT_LENGTH } from './vocabulary.js';
import { IncidentNotice } from './incidents.js';

/** The incident a case is linked to, with its latest status: the answer may be there already. */
const IncidentField = Type.Optional(IncidentNotice);

export const CreateHelpRequestBody = Type.Object(
  {
    channel: Channel,
    media: Type.Optional(MediaKind),
    language: LanguageTag,
    text: Type.Optional(Type.String({ maxLength: MAX_TEXT_LENGTH })),
    category: Type.Optional(Category),
    stream: Type.Optional(StreamContext),
    assistant: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'A text request is answered first by the assistant from the knowledge base unless this is false (straight to a person). Calls and voice messages always go to a person',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Tier, identity and priority are never accepted here: they come from the signed identity',
  },
);
export type CreateHelpRequestBody = Static<typeof CreateHelpRequestBody>;

const QueueFields = {
  position: Type.Integer({
    minimum: 0,
    description: '1-based place among the requests waiting on its route (same language and category)',
  }),
  etaSeconds: Type.Integer({ minimum: 0 }),
  noAgentOnline: Type.Optional(
    Type.Literal(true, {
      description: 'Nobody online can serve this route: etaSeconds is 0, not an estimate',
    }),
  ),
};

export const CreatedReply = Type.Object({
  id: Type.String(),
  accessToken: Type.String({
    description: 'Bearer token for this one request: its REST calls and its WebSocket',
  }),
  ...QueueFields,
  state: QueueState,
  resumed: Type.Optional(
    Type.Boolean({ description: 'The user already had an open case: this is it, with a fresh token (200)' }),
  ),
  incident: IncidentField,
});

/** A video feedback clip: the case's recorded message, its audio transcribed like a voice message's. */
export const VideoClip = Type.Object({
  seconds: Type.Number(),
  contentType: Type.String(),
  width: Type.Integer({ description: 'Of the recorded picture, in pixels' }),
  height: Type.Integer(),
  hasAudio: Type.Boolean({
    description: 'False for a silent clip: nothing to transcribe, so its transcript is `failed`',
  }),
});
export type VideoClip = Static<typeof VideoClip>;

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
    UrgencySummary,
    Type.Object({ category: Type.String(), sentiment: Type.Optional(Sentiment) }),
  ]),
  transcript: Type.Optional(
    Type.Object({
      status: TranscriptStatus,
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
  video: Type.Optional(VideoClip),
  stream: Type.Optional(StreamContext),
  createdAt: Type.String({ format: 'date-time' }),
  position: Type.Optional(QueueFields.position),
  etaSeconds: Type.Optional(QueueFields.etaSeconds),
  noAgentOnline: QueueFields.noAgentOnline,
  sessionId: Type.Optional(Type.String()),
  handoffReason: Type.Optional(HandoffReason),
  statedLanguage: Type.Optional(
    Type.String({
      description: "The language the user's app or widget said, when the text is in another (`language`)",
    }),
  ),
  incident: IncidentField,
});

export type CreatedReply = Static<typeof CreatedReply>;
export type HelpRequestView = Static<typeof HelpRequestView>;

export const AssistantAnswerBody = Type.Object({ answer: AssistantAnswer }, { additionalProperties: false });
export type AssistantAnswerBody = Static<typeof AssistantAnswerBody>;
export const AssistantAnswerReply = Type.Object({
  state: RequestState,
  handoffReason: Type.Optional(HandoffReason),
  answered: Type.Optional(
    Type.Boolean({
      description: 'The assistant answered again with other articles (after a first “did not help”)',
    }),
  ),
});
export type AssistantAnswerReply = Static<typeof AssistantAnswerReply>;

export const CancelReply = Type.Object({ id: Type.String(), state: Type.String() });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type CancelReply = Static<typeof CancelReply>;
export const VoiceAccepted = Type.Object({ jobId: Type.String(), durationSeconds: Type.Number() });
export type VoiceAccepted = Static<typeof VoiceAccepted>;
export const VideoAccepted = Type.Composite([VoiceAccepted, Type.Object({ video: VideoClip })]);
export type VideoAccepted = Static<typeof VideoAccepted>;

/** One of the signed-in user's own cases; an open one carries a token to reopen it anywhere. */
export const MyHelpRequest = Type.Object({
  id: Type.String(),
  state: Type.String(),
  channel: Channel,
  category: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Optional(Type.String({ format: 'date-time' })),
  accessToken: Type.Optional(
    Type.String({
      description: 'Only for an open case: reconnect the widget to it after a reload or on another device',
    }),
  ),
  incident: IncidentField,
});
export type MyHelpRequest = Static<typeof MyHelpRequest>;
export const MyHelpRequestsReply = Type.Object({ requests: Type.Array(MyHelpRequest) });
export type MyHelpRequestsReply = Static<typeof MyHelpRequestsReply>;
