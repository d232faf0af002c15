import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { CATEGORIES } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import { composeFoundation } from '../../server/composition/foundation.js';
import { loadConfig } from '../../server/config/load.js';
import databasePlugin from '../../server/plugins/database.js';
import redisPlugin from '../../server/plugins/redis.js';
import { Dispatcher } from '../../server/routing/Dispatcher.js';
import { QueueRebuild } from '../../server/routing/QueueRebuild.js';
import { dropSchema } from '../../test/support/database.js';
import { openCasesInQueueOrder } from '../lib/openCasesInQueueOrder.js';
import { benchEnv, deletePrefix } from './stack.js';

const LANGS = ['en', 'zh', 'es', 'pt', 'id', 'hi', 'ar', 'vi'];
const SEED_BATCH = 10_000;
/** The group stops by itself: a rebuild slower than this fails the run rather than hanging it. */
const REBUILD_DEADLINE_MS = 150_000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rebuild: not done within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * `count` open cases written straight into PostgreSQL, 10,000 rows per INSERT … SELECT FROM
 * unnest(…): calls over 8 languages and every category, one a millisecond, each its own user,
 * ranked as the API ranks them; every `assignedEvery`-th was with an agent when Redis was lost.
 */
async function seedOpenCases(app: FastifyInstance, count: number, aging: number, assignedEvery: number) {
  const now = Date.now();
  for (let from = 0; from < count; from += SEED_BATCH) {
    const n = Array.from({ length: Math.min(SEED_BATCH, count - from) }, (_, k) => from + k);
    const createdAt = n.map((i) => now - i);
    const scores = n.map((i) => 20 + ((i * 7919) % 70));
    await sql`
      insert into cases (id, user_id, channel, media, language, category, level, score, rank, tier, state, created_at, updated_at)
      select gen_random_uuid()::text, 'seeded-' || s.n, 'call', 'audio', s.language, s.category, 'normal',
             s.score, s.rank, 'regular', s.state, s.created_at, s.created_at
      from unnest(${n}::int[], ${n.map((i) => LANGS[i % LANGS.length]!)}::text[],
                  ${n.map((i) => CATEGORIES[Math.floor(i / LANGS.length) % CATEGORIES.length]!)}::text[],
                  ${scores}::float8[], ${n.map((_i, k) => queueRank(scores[k]!, createdAt[k]!, aging))}::float8[],
                  ${n.map((i) => (i % assignedEvery === 0 ? 'assigned' : 'queued'))}::text[],
                  ${createdAt.map((t) => new Date(t).toISOString())}::timestamptz[])
        as s(n, language, category, score, rank, state, created_at)`.execute(app.db);
  }
}

/** Fails loudly unless the queue holds exactly the open cases, in PostgreSQL's rank order. */
async function verifyQueue(app: FastifyInstance, queue: { queueOrder(limit: number): Promise<string[]> }) {
  const expected = await openCasesInQueueOrder(app.db);
  const held = await queue.queueOrder(expected.length + 1);
  if (held.length !== expected.length)
    throw new Error(`rebuild: the queue holds ${held.length}, PostgreSQL has ${expected.length} open`);
  const first = expected.findIndex((id, i) => id !== held[i]);
  if (first >= 0)
    throw new Error(`rebuild: order differs at place ${first + 1}: ${held[first]} where ${expected[first]}`);
  const stillAssigned = await app.db
    .selectFrom('cases')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('state', '=', 'assigned')
    .executeTakeFirstOrThrow();
  if (stillAssigned.n !== 0)
    throw new Error(`rebuild: ${stillAssigned.n} cases still assigned in PostgreSQL`);
  return expected.length;
}

/**
 * Time for server/routing/QueueRebuild to put `count` open cases back into an empty Redis (a
 * fresh key prefix: what FLUSHALL leaves), measured in this process with the API's own Redis and
 * database plugins and composition, then checked case by case against PostgreSQL.
 */
export async function benchQueueRebuild(options: {
  cases: number;
  assignedEvery: number;
  onProgress: (line: string) => void;
}) {
  const config = loadConfig(benchEnv('rebuild'));
  const app = Fastify({ logger: { level: 'error' } });
  const redis = new Redis(config.redisUrl);
  try {
    await app.register(redisPlugin, { target: config, connectTimeoutMs: 5000 });
    await app.register(databasePlugin, { target: config.database });
    await app.ready();
    let started = performance.now();
    await seedOpenCases(app, options.cases, config.agingPointsPerMinute, options.assignedEvery);
    const seedMs = performance.now() - started;
    options.onProgress(`${options.cases} open cases written to PostgreSQL in ${Math.round(seedMs)} ms`);
    const { deps, tasks } = composeFoundation(app, config, Date.now);
    const dispatcher = new Dispatcher(deps);
    // As the API composes it (server/composition/routing.ts): follow-ups keep their reservations.
    const rebuild = new QueueRebuild(deps, dispatcher, { tasks });
    const progress = setInterval(() => {
      deps.queue.waitingCount().then(
        (n) => options.onProgress(`  … ${n} back in the queue`),
        () => {},
      );
    }, 5000);
    started = performance.now();
    const restored = await withDeadline(rebuild.ensure(), REBUILD_DEADLINE_MS).finally(() =>
      clearInterval(progress),
    );
    const rebuildMs = performance.now() - started;
    await dispatcher.idle();
    const verified = await verifyQueue(app, deps.queue);
    if (restored !== options.cases) throw new Error(`rebuild: restored ${restored} of ${options.cases}`);
    options.onProgress(`rebuilt ${restored} in ${Math.round(rebuildMs)} ms; count and order verified`);
    return { cases: verified, assigned: Math.ceil(options.cases / options.assignedEvery), seedMs, rebuildMs };
  } finally {
    await app.close();
    await deletePrefix(redis, config.keyPrefix);
    redis.disconnect();
    await dropSchema(config.database.databaseSchema);
  }
}
