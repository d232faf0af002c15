import { Type, type Static } from '@sinclair/typebox';
import { ConfigError, Int, parseEnv, type EnvSource } from './env.js';

/**
 * The settings both the API and workers read: the environment, Redis, retention, the voice blob
 * directory, job retries and the urgency context. Each process adds only its own on top.
 */
export const SHARED_ENV = {
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    description: 'development generates missing secrets; production refuses to start without them',
  }),
  LOG_LEVEL: Type.String({ default: 'info', description: 'pino log level' }),
  REDIS_URL: Type.String({
    default: 'redis://127.0.0.1:6379',
    description: 'Redis connection URL; a DB number in the path (redis://host:6379/3) is honoured',
  }),
  REDIS_CLUSTER_NODES: Type.Optional(
    Type.String({
      pattern: '^[^,\\s]+:[0-9]{1,5}(,[^,\\s]+:[0-9]{1,5})*$',
      description: 'Redis Cluster seeds host:port,…; replace REDIS_URL; the prefix then needs a {hash tag}',
    }),
  ),
  REDIS_KEY_PREFIX: Type.String({
    default: 'lifeline:',
    minLength: 1,
    description: 'Prefix of every Redis key and channel; must match across instances',
  }),
  DATABASE_URL: Type.String({
    default: 'postgres://postgres@127.0.0.1:5432/lifeline',
    description: 'PostgreSQL, the system of record (cases, conversations, calls, profiles, tasks, incidents)',
  }),
  DATABASE_SCHEMA: Type.String({
    default: 'public',
    pattern: '^[a-z_][a-z0-9_]{0,62}$',
    description: "Schema holding Lifeline's tables; created and migrated at start",
  }),
  DATABASE_POOL_MAX: Int(10, 1, 500, 'PostgreSQL connections one process may hold'),
  LIVEKIT_URL: Type.String({
    default: 'ws://127.0.0.1:7880',
    description: 'LiveKit server URL: the API manages rooms there, the captions worker joins them',
  }),
  LIVEKIT_API_KEY: Type.String({ default: 'devkey', description: 'LiveKit API key' }),
  LIVEKIT_API_SECRET: Type.String({ default: 'secret', description: 'LiveKit API secret' }),
  LIVE_CAPTIONS: Type.Boolean({
    default: false,
    description:
      'Live captions and mood for agents and supervisors: the API adds a captions job per call, workers join the room to transcribe it',
  }),
  AGING_POINTS_PER_MINUTE: Type.Number({
    default: 2,
    minimum: 0,
    maximum: 100,
    description: 'Urgency points a waiting request gains per minute',
  }),
  REQUEST_RETENTION_SECONDS: Int(
    7 * 24 * 3600,
    3600,
    400 * 24 * 3600,
    'How long closed requests and sessions are kept in Redis',
  ),
  VOICE_DIR: Type.Optional(
    Type.String({
      description:
        'Where voice messages and video feedback are stored (default .lifeline/voice); share it between hosts',
    }),
  ),
  JOB_ATTEMPTS: Int(3, 1, 20, 'Tries of a job that fails for a reason a retry can fix'),
  JOB_BACKOFF_MS: Int(2_000, 10, 600_000, 'First retry delay; doubles each try'),
  REPEAT_WINDOW_HOURS: Int(
    72,
    1,
    24 * 90,
    'Earlier requests about the same category within this raise the score',
  ),
  INCIDENT_WINDOW_MINUTES: Int(
    10,
    1,
    24 * 60,
    'Window in which many users reporting the same problem open an incident',
  ),
  INCIDENT_MIN_USERS: Int(
    5,
    2,
    100_000,
    'Distinct users reporting one problem within the window that open an incident',
  ),
};
const SharedEnvSchema = Type.Object(SHARED_ENV);
export type SharedEnv = Static<typeof SharedEnvSchema>;

/** Where the system of record is. */
export interface DatabaseTarget {
  databaseUrl: string;
  /** Postgres schema holding Lifeline's tables; tests give each file its own. */
  databaseSchema: string;
  databasePoolMax: number;
}

export interface SharedConfig {
  env: SharedEnv['NODE_ENV'];
  logLevel: string;
  redisUrl: string;
  /** Seeds of a Redis Cluster; when present, redisUrl is not used. */
  redisClusterNodes: RedisSeed[] | undefined;
  keyPrefix: string;
  database: DatabaseTarget;
  retentionMs: number;
  agingPointsPerMinute: number;
  voiceDir: string;
  jobs: { attempts: number; backoffMs: number };
  urgency: { repeatWindowMs: number; incidentWindowMs: number; incidentMinUsers: number };
  /** LIVE_CAPTIONS: the API dispatches captions jobs, workers consume them. */
  liveCaptions: boolean;
}

export interface RedisSeed {
  host: string;
  port: number;
}

/**
 * The hash tag Redis Cluster hashes a key by: the text between the first `{` and the first `}`
 * after it, if not empty. A prefix that carries one puts every Lifeline key in one slot.
 */
export function hashTag(prefix: string): string | undefined {
  const open = prefix.indexOf('{');
  const close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
  return close > open + 1 ? prefix.slice(open + 1, close) : undefined;
}

/**
 * Cluster seeds from REDIS_CLUSTER_NODES. Lua scripts build their keys from the prefix and BullMQ
 * runs multi-key scripts, so on a cluster every key must hash to one slot: refuse a prefix
 * without a hash tag rather than fail with CROSSSLOT on the first request.
 */
function clusterSeeds(env: SharedEnv): RedisSeed[] | undefined {
  if (env.REDIS_CLUSTER_NODES === undefined) return undefined;
  const seeds = env.REDIS_CLUSTER_NODES.split(',').map((seed) => {
    const colon = seed.lastIndexOf(':');
    return { host: seed.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port: Number(seed.slice(colon + 1)) };
  });
  const problems: string[] = [];
  if (hashTag(env.REDIS_KEY_PREFIX) === undefined)
    problems.push(
      `REDIS_KEY_PREFIX: "${env.REDIS_KEY_PREFIX}" has no hash tag; on a Redis Cluster (REDIS_CLUSTER_NODES) it must carry one, e.g. "{lifeline}:", so that Lifeline's scripts and BullMQ find all their keys in one slot`,
    );
  for (const { port } of seeds)
    if (port < 1 || port > 65535) problems.push(`REDIS_CLUSTER_NODES: port ${port} is out of range`);
  if (problems.length > 0) throw new ConfigError(problems);
  return seeds;
}

export function sharedConfig(env: SharedEnv): SharedConfig {
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    redisClusterNodes: clusterSeeds(env),
    keyPrefix: env.REDIS_KEY_PREFIX,
    database: {
      databaseUrl: env.DATABASE_URL,
      databaseSchema: env.DATABASE_SCHEMA,
      databasePoolMax: env.DATABASE_POOL_MAX,
    },
    retentionMs: env.REQUEST_RETENTION_SECONDS * 1000,
    agingPointsPerMinute: env.AGING_POINTS_PER_MINUTE,
    voiceDir: env.VOICE_DIR ?? '.lifeline/voice',
    jobs: { attempts: env.JOB_ATTEMPTS, backoffMs: env.JOB_BACKOFF_MS },
    liveCaptions: env.LIVE_CAPTIONS,
    urgency: {
      repeatWindowMs: env.REPEAT_WINDOW_HOURS * 3600_000,
      incidentWindowMs: env.INCIDENT_WINDOW_MINUTES * 60_000,
      incidentMinUsers: env.INCIDENT_MIN_USERS,
    },
  };
}

export const parseSharedEnv = (source: EnvSource) => parseEnv(SharedEnvSchema, source);
