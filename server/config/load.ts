import { randomBytes } from 'node:crypto';
import { ConfigError, loadAtStart, parseEnv, type EnvSource } from '../../platform/config/env.js';
import { sharedConfig, type SharedConfig } from '../../platform/config/shared.js';
import type { NotifierSettings } from '../notify/PlatformNotifier.js';
import { ApiEnvSchema, type ApiEnv } from './schema.js';
import type { AssistantSettings } from '../../core/assistant/decide.js';

export { ConfigError, EXIT_CONFIG_ERROR } from '../../platform/config/env.js';

/** The API's configuration: the shared settings and its own. It reads nothing a worker alone needs. */
export interface Config extends SharedConfig {
  host: string;
  port: number;
  livekit: { url: string; publicUrl: string; apiKey: string; apiSecret: string; tokenTtlSeconds: number };
  secrets: { admin: string; signing: string; platform: string };
  /** Names of secrets generated at start because the environment lacked them (development only). */
  generatedSecrets: string[];
  tokens: { agentTtlSeconds: number; requestTtlSeconds: number };
  policy: { file: string | undefined; pollMs: number };
  /** The assistant: off, or answering text requests from the knowledge base first. */
  assistant: AssistantSettings & { enabled: boolean; idleHandoffMs: number };
  routing: {
    offerTimeoutMs: number;
    /** How long an agent asked to consult on a session has to join it. */
    consultTimeoutMs: number;
    declineCooldownMs: number;
    abandonGraceMs: number;
    /** A callback: the user's time to answer each try, and the wait before the one retry. */
    callbackAnswerMs: number;
    callbackRetryMs: number;
    /** A resolution not finished this long after it was made is finished by another instance. */
    incidentResolutionResumeMs: number;
    agingPointsPerMinute: number;
    defaultHandleSeconds: number;
    maxWaiting: number;
    presenceLeaseMs: number;
    sweepIntervalMs: number;
    /** After this, a case written but not queued was stranded by an instance that died. */
    strandedSettleMs: number;
    /** A request widened for want of agents online is decided again this often, to narrow back. */
    policyRecheckMs: number;
    /** While no more agents than this are free, they take critical requests only. */
    criticalReserveAgents: number;
    /** A request's language is its text's when that is clear, else the stated one. */
    languageFromText: boolean;
    queueUpdateIntervalMs: number;
    retentionMs: number;
    serviceLevelTargetSeconds: number;
  };
  limits: {
    httpBodyBytes: number;
    wsMessageBytes: number;
    wsMessagesPer10s: number;
    createPerMinute: number;
    loginPerMinute: number;
    messagesPerMinute: number;
    kbSearchPerMinute: number;
  };
  /** Per-account backoff after failed logins, shared by every instance through Redis. */
  login: { failuresBeforeLock: number; failureWindowMs: number; lockBaseMs: number; lockMaxMs: number };
  shutdownGraceMs: number;
  /** The supervisor's analytics: the longest range asked for, and how often a socket is told to refetch. */
  analytics: { maxRangeDays: number; pushEveryMs: number };
  notify: NotifierSettings;
  retention: { messagesMs: number; transcriptsMs: number; voiceMs: number; sweepMs: number };
  /** The outbox: how state changes PostgreSQL missed are replayed. */
  records: { attempts: number; backoffMs: number };
  webRoot: string | undefined;
  voice: { maxBytes: number; maxSeconds: number; dir: string };
  /** Video feedback: kept in the voice blob store, under its own limits. */
  video: { maxBytes: number; maxSeconds: number };
  /** Follow-ups: when one falls due by default, and how long only its own agent may take it. */
  followUps: { defaultDelayMs: number; reserveMs: number };
}

const SECRET_VARS = ['LIFELINE_ADMIN_TOKEN', 'LIFELINE_SECRET', 'LIFELINE_PLATFORM_SECRET'] as const;

function resolveSecrets(env: ApiEnv): { secrets: Config['secrets']; generated: string[] } {
  const missing = SECRET_VARS.filter((name) => env[name] === undefined);
  if (env.NODE_ENV === 'production') {
    const problems: string[] = missing.map((name) => `${name}: required in production`);
    if (env.LIVEKIT_API_KEY === 'devkey' || env.LIVEKIT_API_SECRET === 'secret')
      problems.push('LIVEKIT_API_KEY/LIVEKIT_API_SECRET: the development keys are refused in production');
    if (problems.length > 0) throw new ConfigError(problems);
  }
  const value = (name: (typeof SECRET_VARS)[number]) => env[name] ?? randomBytes(32).toString('base64url');
  return {
    secrets: {
      admin: value('LIFELINE_ADMIN_TOKEN'),
      signing: value('LIFELINE_SECRET'),
      platform: value('LIFELINE_PLATFORM_SECRET'),
    },
    generated: missing,
  };
}

function loginSettings(env: ApiEnv): Config['login'] {
  if (env.LOGIN_LOCK_MAX_MS < env.LOGIN_LOCK_BASE_MS)
    throw new ConfigError(['LOGIN_LOCK_MAX_MS: must be at least LOGIN_LOCK_BASE_MS']);
  return {
    failuresBeforeLock: env.LOGIN_FAILURES_BEFORE_LOCK,
    failureWindowMs: env.LOGIN_FAILURE_WINDOW_MS,
    lockBaseMs: env.LOGIN_LOCK_BASE_MS,
    lockMaxMs: env.LOGIN_LOCK_MAX_MS,
  };
}

/** A webhook needs its secret; without one configured, a development key is made up for this process. */
function notifySettings(env: ApiEnv): NotifierSettings {
  const url = env.NOTIFY_WEBHOOK_URL;
  if (url && !env.NOTIFY_WEBHOOK_SECRET && env.NODE_ENV === 'production')
    throw new ConfigError(['NOTIFY_WEBHOOK_SECRET: required in production when NOTIFY_WEBHOOK_URL is set']);
  return {
    url,
    secret: env.NOTIFY_WEBHOOK_SECRET ?? randomBytes(32).toString('base64url'),
    timeoutMs: env.NOTIFY_WEBHOOK_TIMEOUT_MS,
  };
}

/** Reads and validates the environment once, at start. Throws ConfigError listing every problem. */
export function loadConfig(source: EnvSource = process.env): Config {
  const env = parseEnv(ApiEnvSchema, source);
  const { secrets, generated } = resolveSecrets(env);
  const shared = sharedConfig(env);
  return {
    ...shared,
    host: env.HOST,
    port: env.PORT,
    livekit: {
      url: env.LIVEKIT_URL,
      publicUrl: env.LIVEKIT_PUBLIC_URL ?? env.LIVEKIT_URL,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
      tokenTtlSeconds: env.LIVEKIT_TOKEN_TTL_SECONDS,
    },
    secrets,
    generatedSecrets: generated,
    tokens: {
      agentTtlSeconds: env.AGENT_TOKEN_TTL_SECONDS,
      requestTtlSeconds: env.REQUEST_TOKEN_TTL_SECONDS,
    },
    policy: {
      file: env.ROUTING_POLICY_FILE,
      pollMs: env.ROUTING_POLICY_POLL_MS,
    },
    assistant: {
      enabled: env.ASSISTANT_ENABLED,
      minScore: env.ASSISTANT_MIN_SCORE,
      maxArticles: env.ASSISTANT_MAX_ARTICLES,
      languages: env.ASSISTANT_LANGUAGES.split(','),
      idleHandoffMs: env.ASSISTANT_IDLE_HANDOFF_SECONDS * 1000,
    },
    routing: {
      offerTimeoutMs: env.OFFER_TIMEOUT_MS,
      consultTimeoutMs: env.CONSULT_TIMEOUT_MS,
      declineCooldownMs: env.DECLINE_COOLDOWN_MS,
      abandonGraceMs: env.ABANDON_GRACE_MS,
      callbackAnswerMs: env.CALLBACK_ANSWER_MS,
      callbackRetryMs: env.CALLBACK_RETRY_MS,
      incidentResolutionResumeMs: env.INCIDENT_RESOLUTION_RESUME_MS,
      agingPointsPerMinute: shared.agingPointsPerMinute,
      defaultHandleSeconds: env.DEFAULT_HANDLE_SECONDS,
      maxWaiting: env.QUEUE_MAX_WAITING,
      presenceLeaseMs: env.PRESENCE_LEASE_MS,
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      strandedSettleMs: env.STRANDED_SETTLE_MS,
      policyRecheckMs: env.ROUTING_POLICY_RECHECK_MS,
      criticalReserveAgents: env.CRITICAL_RESERVE_AGENTS,
      languageFromText: env.LANGUAGE_FROM_TEXT,
      queueUpdateIntervalMs: env.QUEUE_UPDATE_INTERVAL_MS,
      retentionMs: shared.retentionMs,
      serviceLevelTargetSeconds: env.SERVICE_LEVEL_TARGET_SECONDS,
    },
    limits: {
      httpBodyBytes: env.HTTP_BODY_LIMIT_BYTES,
      wsMessageBytes: env.WS_MAX_MESSAGE_BYTES,
      wsMessagesPer10s: env.WS_MAX_MESSAGES_PER_10S,
      createPerMinute: env.RATE_LIMIT_CREATE_PER_MINUTE,
      kbSearchPerMinute: env.RATE_LIMIT_KB_SEARCH_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      messagesPerMinute: env.RATE_LIMIT_MESSAGES_PER_MINUTE,
    },
    login: loginSettings(env),
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    analytics: { maxRangeDays: env.ANALYTICS_MAX_RANGE_DAYS, pushEveryMs: env.ANALYTICS_PUSH_SECONDS * 1000 },
    notify: notifySettings(env),
    retention: {
      messagesMs: env.RETAIN_MESSAGES_DAYS * 86_400_000,
      transcriptsMs: env.RETAIN_TRANSCRIPTS_DAYS * 86_400_000,
      voiceMs: env.RETAIN_VOICE_DAYS * 86_400_000,
      sweepMs: env.RETENTION_SWEEP_MINUTES * 60_000,
    },
    records: { attempts: env.RECORD_RETRY_ATTEMPTS, backoffMs: env.RECORD_RETRY_BACKOFF_MS },
    webRoot: env.WEB_ROOT,
    voice: {
      maxBytes: env.VOICE_MAX_BYTES,
      maxSeconds: env.VOICE_MAX_SECONDS,
      dir: shared.voiceDir,
    },
    video: { maxBytes: env.VIDEO_MAX_BYTES, maxSeconds: env.VIDEO_MAX_SECONDS },
    followUps: {
      defaultDelayMs: env.FOLLOW_UP_DEFAULT_HOURS * 3_600_000,
      reserveMs: env.FOLLOW_UP_RESERVE_SECONDS * 1000,
    },
  };
}

/** For entry points: the configuration, or undefined after printing every problem (exit 78 then). */
export function loadConfigAtStart(source: EnvSource = process.env): Config | undefined {
  return loadAtStart(loadConfig, source);
}
