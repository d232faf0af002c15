import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';

const PROBE_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}

const Readiness = Type.Object({
  status: Type.String(),
  redis: Type.String(),
  database: Type.String(),
  livekit: Type.String(),
});

/** Liveness says the process runs; readiness says it can serve: Redis, PostgreSQL and LiveKit answer. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['ops'], response: { 200: Readiness, 503: Readiness } } },
    async (_request, reply) => {
      const [redis, database, livekit] = await Promise.allSettled([
        within(app.redis.ping(), PROBE_TIMEOUT_MS),
        within(sql`select 1`.execute(app.db), PROBE_TIMEOUT_MS),
        within(app.lifeline.media.ping(), PROBE_TIMEOUT_MS),
      ]);
      const state = (result: PromiseSettledResult<unknown>) =>
        result.status === 'fulfilled' ? 'up' : 'down';
      const ready = [redis, database, livekit].every((probe) => probe.status === 'fulfilled');
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'unavailable',
        redis: state(redis),
        database: state(database),
        livekit: state(livekit),
      });
    },
  );
};

export default health;
