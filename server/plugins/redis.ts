import { once } from 'node:events';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** Fail-fast connection: while Redis is down, commands reject at once and the API answers 503. */
    redis: Redis;
    /** Pub/sub connection: waits Redis out, reconnects and resubscribes by itself. */
    redisSubscriber: Redis;
  }
}

export interface RedisPluginOptions {
  url: string;
  connectTimeoutMs: number;
}

const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 2000);

export default fp<RedisPluginOptions>(
  async (app, { url, connectTimeoutMs }) => {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: connectTimeoutMs,
      retryStrategy: reconnectDelay,
    });
    const redisSubscriber = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay });
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
    app.decorate('redis', redis);
    app.decorate('redisSubscriber', redisSubscriber);
    app.addHook('onClose', async () => {
      await Promise.allSettled([redis.quit(), redisSubscriber.quit()]);
    });
  },
  { name: 'lifeline-redis' },
);
