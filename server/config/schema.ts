import { Type, type Static } from '@sinclair/typebox';
import { Int } from '../../platform/config/env.js';
import { SHARED_ENV } from '../../platform/config/shared.js';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../core/assistant/decide.js';

/**
 * Every environment variable the API reads, with its default: the shared ones and its own. The
 * README's table is generated from these descriptions, so this is the one place to add a setting.
 */
export const API_ENV = {
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface the API listens on' }),
  PORT: Int(3000, 0, 65535, 'HTTP and WebSocket port of the API (0 picks a free port)'),
  LIVEKIT_PUBLIC_URL: Type.Optional(
    Type.String({ description: 'LiveKit URL handed to browsers and apps (defaults to LIVEKIT_URL)' }),
  ),
  // LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are shared: the captions worker joins rooms too.
  LIVEKIT_TOKEN_TTL_SECONDS: Int(600, 30, 600, 'Lifetime of LiveKit join tokens (at most 10 minutes)'),
  LIFELINE_ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 16, description: 'Guards /v1/admin/*' })),
  LIFELINE_SECRET: Type.Optional(
    Type.String({ minLength: 32, description: 'Signs agent and request tokens; same on every instance' }),
  ),
  LIFELINE_PLATFORM_SECRET: Type.Optional(
    Type.String({ minLength: 16, description: "HS256 key of the host platform's identity tokens" }),
  ),
  AGENT_TOKEN_TTL_SECONDS: Int(8 * 3600, 60, 7 * 24 * 3600, 'Lifetime of an agent login token'),
  REQUEST_TOKEN_TTL_SECONDS: Int(4 * 3600, 60, 7 * 24 * 3600, "Lifetime of a help request's access token"),
  OFFER_TIMEOUT_MS: Int(20_000, 1_000, 600_000, 'How long an agent has to accept an offer'),
  CONSULT_TIMEOUT_MS: Int(30_000, 1_000, 600_000, 'How long an agent asked to consult on a call has to join'),
  DECLINE_COOLDOWN_MS: Int(60_000, 0, 3_600_000, 'How long a declining agent is skipped for that request'),
  ABANDON_GRACE_MS: Int(30_000, 0, 3_600_000, "How long a waiting user's socket may be gone before abandon"),
  LANGUAGE_FROM_TEXT: Type.Boolean({
    default: true,
    description:
      "Whether a request's language is the one its text is written in when that is clear (false: always the app's or widget's)",
  }),
  ASSISTANT_ENABLED: Type.Boolean({
    default: true,
    description: 'Whether the assistant answers text requests from the knowledge base before a person does',
  }),
  ASSISTANT_MIN_SCORE: Type.Number({
    default: DEFAULT_ASSISTANT_SETTINGS.minScore,
    minimum: 0,
    maximum: 1,
    description:
      'The least full-text score the best article needs for the assistant to answer instead of handing over',
  }),
  ASSISTANT_MAX_ARTICLES: Int(
    DEFAULT_ASSISTANT_SETTINGS.maxArticles,
    1,
    5,
    'Articles quoted in one assistant answer at most',
  ),
  ASSISTANT_LANGUAGES: Type.String({
    default: DEFAULT_ASSISTANT_SETTINGS.languages.join(','),
    pattern: '^[a-z]{2,3}(,[a-z]{2,3})*$',
    description:
      'Languages the knowledge base answers in (comma-separated primary subtags); others go to a person',
  }),
  ASSISTANT_IDLE_HANDOFF_SECONDS: Int(
    900,
    1,
    7 * 86_400,
    'A user who says nothing more this long after the assistant answered is handed to a person, never left unanswered',
  ),
  CALLBACK_ANSWER_MS: Int(
    60_000,
    1_000,
    3_600_000,
    'How long a user who chose a callback has to come back (open the widget) once an agent takes the case',
  ),
  CALLBACK_RETRY_MS: Int(
    120_000,
    0,
    3_600_000,
    'After an unanswered callback, how long until the one retry; a second miss makes the case a text conversation',
  ),
  INCIDENT_RESOLUTION_RESUME_MS: Int(
    30_000,
    200,
    3_600_000,
    'A resolved incident whose linked cases are not all closed this long after (its instance died) is finished by another instance; also how often one looks',
  ),
  DEFAULT_HANDLE_SECONDS: Int(300, 1, 7200, 'Assumed handle time for ETAs until sessions are observed'),
  QUEUE_MAX_WAITING: Int(50_000, 1, 10_000_000, 'Waiting requests beyond which new ones get 503'),
  PRESENCE_LEASE_MS: Int(
    10_000,
    1_000,
    600_000,
    "How long a vanished instance's sockets (agents and users) still count; renewed every third of it",
  ),
  SWEEP_INTERVAL_MS: Int(500, 50, 60_000, 'How often expired offers and abandoned requests are swept'),
  STRANDED_SETTLE_MS: Int(
    5000,
    200,
    600_000,
    'A waiting case this old that Redis does not hold was left by an instance that died while creating it; one instance queues such cases this often',
  ),
  QUEUE_UPDATE_INTERVAL_MS: Int(200, 10, 60_000, 'Least time between two position pushes to one user'),
  CRITICAL_RESERVE_AGENTS: Int(
    0,
    0,
    1000,
    'While no more agents than this are free, they take critical requests only, so a surge of others cannot hold every agent when one comes (0: no reserve)',
  ),
  ROUTING_POLICY_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'A routing policy (docs/routing-policies.md) put in force at start and whenever the file changes; an invalid one stops the start with every problem listed',
    }),
  ),
  ROUTING_POLICY_POLL_MS: Int(
    30_000,
    1000,
    3_600_000,
    'How often an instance checks for a routing policy version it was not told of',
  ),
  ROUTING_POLICY_RECHECK_MS: Int(
    15_000,
    500,
    3_600_000,
    'How often a waiting request widened for want of eligible agents online is looked at again, so it narrows back when one comes online',
  ),
  HTTP_BODY_LIMIT_BYTES: Int(64 * 1024, 1024, 10 * 1024 * 1024, 'Largest JSON body the API accepts'),
  WS_MAX_MESSAGE_BYTES: Int(16 * 1024, 256, 1024 * 1024, 'Largest WebSocket frame a client may send'),
  WS_MAX_MESSAGES_PER_10S: Int(100, 1, 100_000, 'WebSocket frames a client may send per 10 seconds'),
  RATE_LIMIT_CREATE_PER_MINUTE: Int(30, 1, 1_000_000, 'Help requests one client IP may create per minute'),
  RATE_LIMIT_KB_SEARCH_PER_MINUTE: Int(
    120,
    1,
    1_000_000,
    'Knowledge-base searches one client IP may make per minute (the search is public)',
  ),
  RATE_LIMIT_LOGIN_PER_MINUTE: Int(
    10,
    1,
    1_000_000,
    'Agent login attempts one client IP may make per minute',
  ),
  RATE_LIMIT_MESSAGES_PER_MINUTE: Int(
    120,
    1,
    1_000_000,
    'Conversation messages one caller (user or agent) may post over REST per minute',
  ),
  LOGIN_FAILURES_BEFORE_LOCK: Int(
    5,
    1,
    1000,
    'Failed logins to one account, from any address, within LOGIN_FAILURE_WINDOW_MS that lock it',
  ),
  LOGIN_FAILURE_WINDOW_MS: Int(
    15 * 60_000,
    1000,
    24 * 3_600_000,
    'Window in which failed logins are counted',
  ),
  LOGIN_LOCK_BASE_MS: Int(
    60_000,
    100,
    24 * 3_600_000,
    'First lock of an account after too many failed logins; each further lock doubles it',
  ),
  LOGIN_LOCK_MAX_MS: Int(
    15 * 60_000,
    100,
    7 * 24 * 3_600_000,
    'Longest lock of an account (at least LOGIN_LOCK_BASE_MS)',
  ),
  NOTIFY_WEBHOOK_URL: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description: "Host platform's endpoint for push notifications to users who are away (none: not sent)",
    }),
  ),
  NOTIFY_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'HMAC-SHA256 key signing each notification over its raw body',
    }),
  ),
  NOTIFY_WEBHOOK_TIMEOUT_MS: Int(3000, 100, 60_000, 'Longest one notification may take'),
  RECORD_RETRY_ATTEMPTS: Int(
    16,
    1,
    50,
    'Tries of a state change PostgreSQL could not take when it happened, replayed from the outbox',
  ),
  RECORD_RETRY_BACKOFF_MS: Int(1000, 10, 600_000, 'First outbox replay delay; doubles each try'),
  RETAIN_MESSAGES_DAYS: Int(365, 1, 3650, 'Days conversation lines are kept'),
  RETAIN_TRANSCRIPTS_DAYS: Int(
    30,
    1,
    3650,
    'Days transcripts of voice messages and videos are kept in PostgreSQL, from when they were made',
  ),
  RETAIN_VOICE_DAYS: Int(30, 1, 3650, 'Days voice messages and video feedback files are kept'),
  RETENTION_SWEEP_MINUTES: Int(60, 1, 1440, 'How often one instance purges what has passed its retention'),
  SHUTDOWN_GRACE_MS: Int(10_000, 0, 600_000, 'How long shutdown waits for work in flight'),
  VOICE_MAX_BYTES: Int(10 * 1024 * 1024, 1024, 200 * 1024 * 1024, 'Largest voice message upload'),
  VOICE_MAX_SECONDS: Int(300, 1, 3600, 'Longest voice message'),
  VIDEO_MAX_BYTES: Int(
    50 * 1024 * 1024,
    1024,
    500 * 1024 * 1024,
    'Largest video feedback upload (held in memory while it is checked)',
  ),
  VIDEO_MAX_SECONDS: Int(60, 1, 600, 'Longest video feedback clip'),
  SERVICE_LEVEL_TARGET_SECONDS: Int(
    60,
    1,
    3600,
    'Answered within this many seconds counts toward the service level',
  ),
  ANALYTICS_MAX_RANGE_DAYS: Int(
    92,
    1,
    3660,
    "Longest date range the supervisor's analytics and trends accept",
  ),
  ANALYTICS_PUSH_SECONDS: Int(
    5,
    1,
    3600,
    'At most one analytics.changed frame per supervisor socket per this many seconds',
  ),
  FOLLOW_UP_DEFAULT_HOURS: Int(
    24,
    1,
    720,
    'When a follow-up falls due if its wrap-up names no time (a wrap-up may say 0 minutes to 30 days)',
  ),
  FOLLOW_UP_RESERVE_SECONDS: Int(
    900,
    0,
    86_400,
    'How long a due follow-up is offered only to its own agent before anyone eligible may take it',
  ),
  WEB_ROOT: Type.Optional(
    Type.String({ description: 'Directory of the web app served at / (defaults to web/)' }),
  ),
};

export const ApiEnvSchema = Type.Object({ ...SHARED_ENV, ...API_ENV });
export type ApiEnv = Static<typeof ApiEnvSchema>;
