import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { connectRedis, type RedisClient } from '../../platform/redis/connect.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { loadConfig, type Config } from '../../server/config/load.js';
import { startApiPair, within, type ApiProcess } from '../support/apiProcess.js';
import { api, platformToken } from '../support/clients.js';
import { testEnv } from '../support/cluster.js';
import { dropSchema } from '../support/database.js';

/**
 * An API process killed (kill -9) while it creates cases: a case written to PostgreSQL whose
 * process died before queueing it in Redis is queued by a surviving instance within seconds, and
 * no accepted case is lost or queued twice.
 */
let env: Record<string, string>;
let config: Config;
let doomed: ApiProcess;
let survivor: ApiProcess;
let db: Kysely<Database>;
let redis: RedisClient;
let queue: QueueStore;

beforeAll(async () => {
  env = testEnv({ STRANDED_SETTLE_MS: '1000', LOG_LEVEL: 'warn' });
  config = loadConfig(env);
  [doomed, survivor] = await startApiPair(env);
  db = connectDatabase(config.database);
  redis = connectRedis(config, 'wait-it-out');
  queue = new QueueStore(redis, config.keyPrefix, config.routing.retentionMs);
}, 40_000);
afterAll(async () => {
  await Promise.all([doomed?.crash(), survivor?.crash()]);
  await db?.destroy();
  redis?.disconnect();
  await dropSchema(config.database.databaseSchema);
});

const openCases = async (ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('cases')
        .select(['id', 'user_id'])
        .where('id', 'in', [...ids])
        .execute();
const queued = async (id: string) => (await queue.getRequest(id))?.state === 'queued';

describe('an API process killed while it creates cases', () => {
  it('leaves no case stranded between PostgreSQL and the queue', async () => {
    // Exactly what a process dying between its insert and its enqueue leaves behind.
    const stranded = randomUUID();
    await new CaseRepository(db).open(
      {
        id: stranded,
        userId: `stranded-${randomUUID()}`,
        tier: 'regular',
        channel: 'text',
        language: 'sv',
        category: 'general',
        text: 'is anyone there?',
        score: 40,
        level: 'normal',
        reasons: [],
        createdAt: Date.now(),
      },
      40,
    );
    const tookMs = await within(15_000, () => queued(stranded));
    console.log(`stranded case queued ${tookMs.toFixed(0)} ms after it was written`);

    // And a real kill -9 in the middle of a burst of creates.
    const users = Array.from({ length: 60 }, () => `burst-${randomUUID()}`);
    const tokens = await Promise.all(users.map((sub) => platformToken(config, { sub })));
    let answered = 0;
    const replies = tokens.map((token, i) =>
      api(doomed, 'POST', '/v1/help-requests', {
        token,
        body: { channel: 'text', language: 'sv', text: `burst ${i}` },
      })
        .then((reply) => {
          answered += 1;
          return reply.status === 201 ? (reply.body.id as string) : null;
        })
        .catch(() => null),
    );
    await within(10_000, async () => answered >= 10);
    await doomed.crash();
    const accepted = (await Promise.all(replies)).filter((id): id is string => id !== null);
    expect(accepted.length).toBeGreaterThanOrEqual(10);

    const written = await db
      .selectFrom('cases')
      .select(['id', 'user_id', 'state'])
      .where('user_id', 'in', users)
      .execute();
    // Every case a client was told about is in the system of record...
    expect(written.map((c) => c.id)).toEqual(expect.arrayContaining(accepted));
    // ...and every case written is queued, stranded or not, once per user.
    await within(15_000, async () => (await Promise.all(written.map((c) => queued(c.id)))).every(Boolean));
    expect(new Set(written.map((c) => c.user_id)).size).toBe(written.length);
    console.log(`${accepted.length} answered before the kill, ${written.length} written, all queued`);
    expect((await openCases([stranded])).length).toBe(1);
  }, 60_000);
});
