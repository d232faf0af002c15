import { Type, type Static } from '@sinclair/typebox';

/**
 * The supervisor's analytics, read from PostgreSQL. Every figure's definition is in
 * core/analytics/metrics.ts and docs/protocol.md (Analytics).
 */

export const ANALYTICS_WINDOWS = ['15m', 'today', 'range'] as const;
export type AnalyticsWindowKind = (typeof ANALYTICS_WINDOWS)[number];
export const BUCKET_UNITS = ['minute', 'hour', 'day'] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

const LocalDate = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD, local to tz)` });
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone the days and hours are counted in (default UTC)',
});
const Instant = Type.String({ format: 'date-time' });
/** A share or a mean over nothing is null, never 0: nothing answered is not a 0 % service level. */
const Ratio = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Seconds = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

export const AnalyticsQuery = Type.Object(
  {
    window: Type.Union(
      ANALYTICS_WINDOWS.map((w) => Type.Literal(w)),
      { description: '15m: the last 15 minutes by minute; today: since local midnight by hour; range: days' },
    ),
    from: Type.Optional(LocalDate('With range: the first day')),
    to: Type.Optional(LocalDate('With range: the last day, included')),
    tz: Type.Optional(TimeZone),
  },
  { additionalProperties: false },
);
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

export const Csat = Type.Object({
  mean: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()], { description: 'Mean stars' }),
  count: Count,
});

export const MetricSet = Type.Object({
  offered: Count,
  answered: Count,
  answeredWithinTarget: Count,
  abandoned: Count,
  cancelled: Count,
  serviceLevel: Ratio,
  asaSeconds: Seconds,
  abandonmentRate: Ratio,
  handled: Count,
  ahtSeconds: Seconds,
  csat: Csat,
});
export type MetricSet = Static<typeof MetricSet>;

export const BreakdownRow = Type.Composite([Type.Object({ key: Type.String() }), MetricSet]);
export type BreakdownRow = Static<typeof BreakdownRow>;

/** An agent answers and handles; offered, abandoned and the service level belong to queues. */
export const AgentRow = Type.Object({
  agentId: Type.String(),
  name: Type.String(),
  answered: Count,
  asaSeconds: Seconds,
  handled: Count,
  ahtSeconds: Seconds,
  csat: Csat,
});
export type AgentRow = Static<typeof AgentRow>;

export const SeriesPoint = Type.Object({
  start: Instant,
  offered: Count,
  answered: Count,
  abandoned: Count,
  serviceLevel: Ratio,
  asaSeconds: Seconds,
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const IncidentPoint = Type.Object({
  start: Instant,
  opened: Type.Integer({ minimum: 0, description: 'Incidents opened in the bucket' }),
  linkedReports: Type.Integer({ minimum: 0, description: 'Reports linked to an incident in the bucket' }),
});
export type IncidentPoint = Static<typeof IncidentPoint>;

export const AnalyticsReply = Type.Object({
  window: Type.Object({
    kind: Type.Union(ANALYTICS_WINDOWS.map((w) => Type.Literal(w))),
    from: Instant,
    to: Instant,
    tz: Type.String(),
    bucket: Type.Union(BUCKET_UNITS.map((u) => Type.Literal(u))),
    serviceLevelTargetSeconds: Type.Integer(),
  }),
  overall: MetricSet,
  /** `policy`: queues are the routing policy's (in force now); `category`: no policy, a queue is a category. */
  queueSource: Type.Union([Type.Literal('policy'), Type.Literal('category')]),
  breakdown: Type.Object({
    queue: Type.Array(BreakdownRow),
    category: Type.Array(BreakdownRow),
    language: Type.Array(BreakdownRow),
    agent: Type.Array(AgentRow),
  }),
  series: Type.Array(SeriesPoint, {
    description: 'Every bucket of the window, oldest first, empty ones too',
  }),
  incidents: Type.Array(IncidentPoint),
});
export type AnalyticsReply = Static<typeof AnalyticsReply>;

export const TrendsQuery = Type.Object(
  {
    from: LocalDate('The first day'),
    to: LocalDate('The last day, included; rising terms compare it with the days before'),
    tz: Type.Optional(TimeZone),
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Terms per day' })),
  },
  { additionalProperties: false },
);
export type TrendsQuery = Static<typeof TrendsQuery>;

const Share = Type.Number({ minimum: 0, maximum: 1, description: 'Mentions over the cases with text' });
export const TermCount = Type.Object({ term: Type.String(), mentions: Count, share: Share });
export type TermCount = Static<typeof TermCount>;

export const TrendDay = Type.Object({
  day: Type.String({ description: 'YYYY-MM-DD, local to tz' }),
  cases: Type.Integer({ minimum: 0, description: 'Cases with text that day (their own or a user line)' }),
  terms: Type.Array(TermCount),
  topics: Type.Array(TermCount, { description: 'Categories, by cases opened that day' }),
});
export type TrendDay = Static<typeof TrendDay>;

export const RisingTerm = Type.Object({
  kind: Type.Union([Type.Literal('term'), Type.Literal('topic')]),
  term: Type.String(),
  mentions: Count,
  share: Share,
  baselineShare: Type.Number({ minimum: 0 }),
  lift: Type.Union([Type.Number(), Type.Null()], { description: 'share / baselineShare; null when new' }),
});
export type RisingTerm = Static<typeof RisingTerm>;

export const TrendsReply = Type.Object({
  from: Type.String(),
  to: Type.String(),
  tz: Type.String(),
  rule: Type.Object({ minMentions: Count, minLift: Type.Number() }),
  days: Type.Array(TrendDay),
  rising: Type.Array(RisingTerm),
});
export type TrendsReply = Static<typeof TrendsReply>;
