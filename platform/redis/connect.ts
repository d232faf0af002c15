import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { SharedConfig } from '../config/shared.js';

/** What stores, the bus and BullMQ are handed: one Redis server or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a URL, or cluster seeds, which win when present. */
export type RedisTarget = Pick<SharedConfig, 'redisUrl' | 'redisClusterNodes'>;

/**
 * How a connection behaves while Redis is away. `fail-fast` (the API's commands) rejects at once
 * so requests answer 503; `wait-it-out` (subscribers, workers, BullMQ) queues commands and
 * reconnects until Redis is back.
 */
export type RedisProfile = 'fail-fast' | 'wait-it-out';

export interface ConnectOptions {
  /** How long one connection attempt may take (fail-fast only; ioredis' default otherwise). */
  connectTimeoutMs?: number;
}

const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 2000);

/**
 * Per-connection options. On a cluster ioredis owns each node connection's reconnects and offline
 * queue, so those two are set on the cluster instead (see below).
 */
function nodeOptions(profile: RedisProfile, options: ConnectOptions): RedisOptions {
  if (profile === 'wait-it-out') return { maxRetriesPerRequest: null };
  const timeout = options.connectTimeoutMs;
  return { maxRetriesPerRequest: 1, ...(timeout === undefined ? {} : { connectTimeout: timeout }) };
}

/** Opens a connection with the profile's behaviour, to a single server or to a cluster. */
export function connectRedis(
  target: RedisTarget,
  profile: RedisProfile,
  options: ConnectOptions = {},
): RedisClient {
  const failFast = profile === 'fail-fast';
  if (target.redisClusterNodes === undefined)
    return new Redis(target.redisUrl, {
      ...nodeOptions(profile, options),
      enableOfflineQueue: !failFast,
      retryStrategy: reconnectDelay,
    });
  return new Cluster(target.redisClusterNodes, {
    redisOptions: nodeOptions(profile, options),
    enableOfflineQueue: !failFast,
    clusterRetryStrategy: reconnectDelay,
  });
}
