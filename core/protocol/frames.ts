import { Type, type Static } from '@sinclair/typebox';
import { RoutingReason } from './routingReasons.js';
import {
  AgentStatus,
  Category,
  Channel,
  HandoffReason,
  LanguageTag,
  MediaKind,
  Outcome,
  QueueState,
  Sentiment,
  StreamContext,
  Tier,
  TranscriptStatus,
  UrgencySummary,
  WaitingCloseReason,
} from './domain.js';
import { ConversationMessage, MessageFrameFields } from './conversations.js';
import { WrapUpBody } from './floor.js';
import { IncidentNotice } from './incidents.js';
import { TransferState } from './supervision.js';

/**
 * The WebSocket protocol: one discriminated union per direction, keyed by `type`. A client may
 * put a `ref` on any frame; the server's `ack` or `error` reply to it carries the same `ref`.
 */
const Ref = Type.Optional(Type.String({ maxLength: 64, description: 'Echoed on the reply to this frame' }));
const Id = Type.String({ minLength: 1, maxLength: 64 });

const frame = <T extends string, P extends Parameters<typeof Type.Object>[0]>(type: T, properties: P) =>
  Type.Object({ type: Type.Literal(type), ref: Ref, ...properties }, { additionalProperties: false });

export const ClientFrame = Type.Union([
  frame('agent.status', { status: AgentStatus }),
  frame('offer.accept', { offerId: Id }),
  frame('offer.decline', { offerId: Id }),
  frame('session.end', {
    sessionId: Id,
    outcome: Type.Optional(Outcome),
    note: WrapUpBody.properties.note,
    followUpInMinutes: WrapUpBody.properties.followUpInMinutes,
  }),
  frame('message', MessageFrameFields),
  frame('ping', {}),
]);
export type ClientFrame = Static<typeof ClientFrame>;
export type ClientFrameType = ClientFrame['type'];

export const OfferedRequest = Type.Object({
  id: Type.String(),
  channel: Channel,
  media: Type.Optional(MediaKind),
  language: LanguageTag,
  category: Category,
  text: Type.Optional(Type.String()),
  urgency: Type.Composite([UrgencySummary, Type.Object({ sentiment: Type.Optional(Sentiment) })]),
  stream: Type.Optional(StreamContext),
  tier: Tier,
  waitedSeconds: Type.Number(),
  createdAt: Type.Integer({
    description: 'Creation time, ms since the epoch (load tests measure time to pair with it)',
  }),
  queue: Type.Optional(Type.String({ description: 'The routing policy queue it joined' })),
  handoffReason: Type.Optional(HandoffReason),
  statedLanguage: Type.Optional(
    Type.String({
      description: "The language the user's app or widget said, when the text is in another (`language`)",
    }),
  ),
  transfer: Type.Optional(
    Type.Object({
      fromAgentId: Type.String({ description: 'The agent who sent it back to the queue (a cold transfer)' }),
      note: Type.Optional(Type.String({ description: 'Their note for whoever takes it next' })),
    }),
  ),
  routingReasons: Type.Optional(
    Type.Array(RoutingReason, {
      description:
        'Why it reached this agent beyond the queue’s own rules (widened, language fallback with the operator’s note, escalated), in the order the steps applied',
    }),
  ),
});

export const SessionReady = Type.Object({
  type: Type.Literal('session.ready'),
  sessionId: Type.String(),
  requestId: Type.String(),
  channel: Channel,
  room: Type.Optional(
    Type.String({ description: 'The LiveKit room, only while the session holds a live call' }),
  ),
  livekitUrl: Type.Optional(Type.String()),
  token: Type.Optional(
    Type.String({ description: 'LiveKit join token for this room only, short-lived; only with a live call' }),
  ),
  media: Type.Optional(MediaKind),
  canPublish: Type.Boolean({
    description:
      'Whether there is a live call to publish into: a `call` request, or a conversation an agent turned into a call. ' +
      'Without one the session is the conversation alone: no room, no token',
  }),
});

export const ServerFrame = Type.Union([
  Type.Object({
    type: Type.Literal('hello'),
    role: Type.Union([Type.Literal('agent'), Type.Literal('user')]),
    id: Type.String({ description: 'The agent id or the request id this socket speaks for' }),
  }),
  Type.Object({
    type: Type.Literal('queue.update'),
    requestId: Type.String(),
    position: Type.Integer({ minimum: 0 }),
    etaSeconds: Type.Integer({ minimum: 0 }),
    state: QueueState,
    noAgentOnline: Type.Optional(
      Type.Literal(true, {
        description: 'Nobody online can serve this route: etaSeconds is 0, not an estimate',
      }),
    ),
  }),
  Type.Object({
    type: Type.Literal('offer'),
    offerId: Type.String(),
    expiresInMs: Type.Integer(),
    request: OfferedRequest,
  }),
  Type.Object({
    type: Type.Literal('offer.withdrawn'),
    offerId: Type.String(),
    reason: Type.Union([
      Type.Literal('expired'),
      Type.Literal('cancelled'),
      Type.Literal('abandoned'),
      Type.Literal('resolved_by_incident'),
    ]),
  }),
  SessionReady,
  Type.Object({ type: Type.Literal('session.ended'), sessionId: Type.String(), reason: Type.String() }),
  Type.Object({
    type: Type.Literal('consult.invited'),
    sessionId: Type.String(),
    fromAgentId: Type.String(),
    fromName: Type.String(),
    expiresInMs: Type.Integer({ minimum: 0 }),
    request: OfferedRequest,
  }),
  Type.Object({
    type: Type.Literal('transfer.update'),
    sessionId: Type.String(),
    state: TransferState,
    agentId: Type.String({ description: 'The agent consulted or handed to' }),
  }),
  Type.Object({
    type: Type.Literal('session.transfer'),
    sessionId: Type.String(),
    state: Type.Union(
      [
        Type.Literal('consulting'),
        Type.Literal('resumed'),
        Type.Literal('completed'),
        Type.Literal('queued'),
      ],
      {
        description:
          'To the user: their agent is consulting a colleague (hold on), is back, has handed them to another agent in the same call, or sent them back to the queue',
      },
    ),
    agentName: Type.Optional(Type.String({ description: 'The new agent, on `completed`' })),
  }),
  Type.Object({
    type: Type.Literal('voice.progress'),
    requestId: Type.String(),
    status: Type.Union([Type.Literal('queued'), Type.Literal('transcribing'), Type.Literal('scored')]),
    transcript: TranscriptStatus,
    urgency: Type.Optional(Type.Composite([UrgencySummary, Type.Object({ category: Category })])),
  }),
  Type.Object({
    type: Type.Literal('request.closed'),
    requestId: Type.String(),
    reason: WaitingCloseReason,
  }),
  Type.Object({
    type: Type.Literal('message'),
    requestId: Type.String(),
    message: ConversationMessage,
  }),
  // No requestId: one frame goes to every linked user's socket, each of which speaks for one request.
  Type.Composite([Type.Object({ type: Type.Literal('incident.status') }), IncidentNotice]),
  Type.Object({ type: Type.Literal('agent.status'), status: AgentStatus, ref: Ref }),
  Type.Object({
    type: Type.Literal('analytics.changed'),
    at: Type.String({
      format: 'date-time',
      description: 'When the latest change this frame tells of was heard',
    }),
  }),
  Type.Object({ type: Type.Literal('ack'), ref: Ref }),
  Type.Object({ type: Type.Literal('pong'), ref: Ref }),
  Type.Object({
    type: Type.Literal('error'),
    code: Type.String(),
    message: Type.String(),
    ref: Ref,
  }),
]);
export type ServerFrame = Static<typeof ServerFrame>;
export type OfferedRequest = Static<typeof OfferedRequest>;
export type SessionReady = Static<typeof SessionReady>;
export type ServerFrameType = ServerFrame['type'];
/** The server frame of one type, for handlers keyed by `type`. */
export type ServerFrameOf<T extends ServerFrameType> = Extract<ServerFrame, { type: T }>;
export type ClientFrameOf<T extends ClientFrameType> = Extract<ClientFrame, { type: T }>;
