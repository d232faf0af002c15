import { Type, type Static } from '@sinclair/typebox';
import { RoutingReason } from './routingReasons.js';
import { AgentRole, Category, HandoffReason, MediaKind, Outcome } from './domain.js';
import { CallbackCounts } from './callbacks.js';
import { HelpRequestView } from './helpRequests.js';
import { IncidentManagement } from './incidents.js';
import { dueInMinutes, Task } from './tasks.js';
import { MAX_NOTE_LENGTH } from './vocabulary.js';

/** REST replies of the floor: the agents' queue and tools, and the supervisors' overview. */

export const QueueReply = Type.Object({ requests: Type.Array(HelpRequestView) });
export type QueueReply = Static<typeof QueueReply>;

export const PastRequest = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  channel: Type.String(),
  category: Type.String(),
  level: Type.String(),
  state: Type.String(),
  outcome: Type.Optional(Type.String()),
});
export type PastRequest = Static<typeof PastRequest>;
export const HistoryReply = Type.Object({ requests: Type.Array(PastRequest) });
export type HistoryReply = Static<typeof HistoryReply>;

export const WrapUpBody = Type.Object(
  {
    outcome: Outcome,
    note: Type.Optional(Type.String({ maxLength: MAX_NOTE_LENGTH })),
    followUpInMinutes: Type.Optional(
      dueInMinutes(
        'With `follow_up` only: minutes until the follow-up falls due, at most 30 days (default FOLLOW_UP_DEFAULT_HOURS)',
      ),
    ),
  },
  { additionalProperties: false },
);
export type WrapUpBody = Static<typeof WrapUpBody>;

export const StartCallBody = Type.Object(
  { media: MediaKind },
  { additionalProperties: false, description: 'Turn a text or voice conversation into a live call' },
);
export type StartCallBody = Static<typeof StartCallBody>;

export const RatingBody = Type.Object(
  { stars: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

/** A reply as the agent's console language words it, so the agent knows what they send. */
export const QuickReplyGloss = Type.Object(
  {
    lang: Type.Union([Type.Literal('en'), Type.Literal('zh-Hans')]),
    title: Type.String(),
    text: Type.String(),
  },
  { description: "The reply in the agent's console language; only when that is not the user's language" },
);
export const QuickReply = Type.Object({
  id: Type.String({ description: 'The same reply has the same id in every language' }),
  title: Type.String(),
  text: Type.String({ description: "What the user is sent, in the user's language" }),
  gloss: Type.Optional(QuickReplyGloss),
});
export type QuickReply = Static<typeof QuickReply>;
export const AgentLanguageQuery = Type.String({
  maxLength: 35,
  description:
    "The agent console's language (BCP 47); each reply then carries a `gloss` in it when the user's language differs",
});
export const QuickRepliesQuery = Type.Object({
  category: Category,
  lang: Type.Optional(
    Type.String({ maxLength: 35, description: "The user's language (BCP 47); English when none or unknown" }),
  ),
  agentLang: Type.Optional(AgentLanguageQuery),
});
export const QuickRepliesReply = Type.Object({
  category: Category,
  lang: Type.String({
    description: 'The language the replies are in: en, zh-Hans, zh-Hant, es, pt, id, hi, hi-Latn, ar or vi',
  }),
  replies: Type.Array(QuickReply),
});
export type QuickRepliesReply = Static<typeof QuickRepliesReply>;

export const Incident = Type.Object({
  id: Type.String(),
  keyword: Type.Optional(Type.String({ description: 'None for one a supervisor opened without one' })),
  users: Type.Integer({ description: 'Distinct users who reported it' }),
  since: Type.String({ format: 'date-time' }),
  lastAt: Type.String({ format: 'date-time', description: 'The latest report' }),
  cases: Type.Integer({ minimum: 0, description: 'Cases linked to it' }),
  ...IncidentManagement,
});
export type Incident = Static<typeof Incident>;
export const IncidentsReply = Type.Object({ incidents: Type.Array(Incident) });

const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));

/** A waiting request a routing policy step escalated to the supervisors. */
export const RoutingAlert = Type.Object({
  requestId: Type.String(),
  queue: Type.String({ description: 'The routing policy queue' }),
  category: Category,
  language: Type.String(),
  waitedSeconds: Type.Integer({ minimum: 0, description: 'Its wait when the step applied' }),
  at: Type.String({ format: 'date-time' }),
  reasons: Type.Array(RoutingReason),
});
export type RoutingAlert = Static<typeof RoutingAlert>;

/** What the assistant did since the hot state began: its deflection and its handoffs. */
export const AssistantCounts = Type.Object({
  held: Type.Integer({ minimum: 0, description: 'Text requests the assistant answered first' }),
  selfServed: Type.Integer({ minimum: 0, description: 'Closed by their user: an article solved it' }),
  handoffs: Type.Partial(Type.Record(HandoffReason, Type.Integer({ minimum: 0 })), {
    description: 'Handed to a person (or never held), by reason; reasons with none are left out',
  }),
});
export type AssistantCounts = Static<typeof AssistantCounts>;

/** One agent or supervisor as the floor sees them: who, whether online, how full. */
export const AgentState = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: AgentRole,
  status: Type.String({ description: 'available, away or offline' }),
  load: Type.Integer({ minimum: 0 }),
  maxSessions: Type.Integer({ minimum: 1 }),
});
export type AgentState = Static<typeof AgentState>;

/** Whom an agent may ask to consult: everyone else, with whether they could take it now. */
export const ColleaguesReply = Type.Object({ agents: Type.Array(AgentState) });

export const SupervisorOverview = Type.Object({
  agents: Type.Array(AgentState),
  waiting: Type.Object({
    total: Type.Integer({ minimum: 0, description: 'Every waiting request, however many' }),
    byCategory: Counts,
    byLevel: Counts,
    sampled: Type.Integer({
      minimum: 0,
      description: 'How many of the most urgent requests the breakdowns were counted over',
    }),
  }),
  metrics: Type.Object({
    answered: Type.Integer({ minimum: 0 }),
    asaSeconds: Type.Number({ minimum: 0 }),
    ahtSeconds: Type.Number({ minimum: 0 }),
    abandoned: Type.Integer({ minimum: 0 }),
    abandonmentRate: Type.Number({ minimum: 0, maximum: 1 }),
    serviceLevel: Type.Number({ minimum: 0, maximum: 1 }),
    serviceLevelTargetSeconds: Type.Integer(),
  }),
  routingAlerts: Type.Array(RoutingAlert, {
    description: 'The latest requests a routing policy step escalated to a supervisor, newest first',
  }),
  sessions: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      requestId: Type.String(),
      agentId: Type.String(),
      startedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  incidents: Type.Array(Incident),
  callbacks: CallbackCounts,
  assistant: AssistantCounts,
  answeredByStatus: Type.Integer({
    minimum: 0,
    description: 'Cases an incident status or resolution answered without an agent, over the last 24 hours',
  }),
  tasks: Type.Array(Task, { description: 'Pending and open follow-ups and escalations, soonest due first' }),
});
export type SupervisorOverview = Static<typeof SupervisorOverview>;
