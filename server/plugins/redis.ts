import { once } from 'node:events';
import fp from 'fastify-plugin';
import { connectRedis, type RedisClient, type RedisTarget } from '../../platform/redis/connect.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Fail-fast connection: while Redis is down, commands reject at once and the API answers 503. */
    redis: RedisClient;
    /** Pub/sub connection: waits Redis out, reconnects and resubscribes by itself. */
    redisSubscriber: RedisClient;
  }
}

export interface RedisPluginOptions {
  /** One server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES). */
  target: RedisTarget;
  connectTimeoutMs: number;
}

export default fp<RedisPluginOptions>(
  async (app, { target, connectTimeoutMs }) => {
    const redis = connectRedis(target, 'fail-fast', { connectTimeoutMs });
    const redisSubscriber = connectRedis(target, 'wait-it-out');
    for (const [name, client] of [
      ['redis', redis],
      ['redis-subscriber', redisSubscriber],
    ] as const) {
      client.on('error', (error: Error) =>
        app.log.warn({ err: error, client: name }, 'redis connection error'),
      );
    }
    const ready = once(redis, 'ready');
    const timeout = new Promise((resolve) => setTimeout(resolve, connectTimeoutMs).unref());
    if ((await Promise.race([ready.then(() => true), timeout])) !== true)
      app.log.error({ connectTimeoutMs }, 'redis not reachable at start; serving 503 until it is');
    ready.catch(() => {});
    app.decorate<RedisClient>('redis', redis);
    app.decorate<RedisClient>('redisSubscriber', redisSubscriber);
    app.addHook('onClose', async () => {
      await Promise.allSettled([redis.quit(), redisSubscriber.quit()]);
    });
  },
  { name: 'lifeline-redis' },
);
