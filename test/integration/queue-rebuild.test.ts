import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFoundation } from '../../server/composition/foundation.js';
import type { Config } from '../../server/config/load.js';
import databasePlugin from '../../server/plugins/database.js';
import redisPlugin from '../../server/plugins/redis.js';
import { Dispatcher } from '../../server/routing/Dispatcher.js';
import { QueueRebuild } from '../../server/routing/QueueRebuild.js';
import type { NewRequest } from '../../platform/stores/records.js';
import { openCasesInQueueOrder } from '../../scripts/lib/openCasesInQueueOrder.js';
import { testConfig } from '../support/cluster.js';
import { dropSchema } from '../support/database.js';

/**
 * The rebuild itself, against a real Redis and PostgreSQL, with pages of three so that every
 * boundary case shows: equal ranks split across pages, cases that were with an agent, a user
 * with two open cases, and a reopened follow-up reserved for its agent.
 */
let config: Config;
let app: FastifyInstance;
let foundation: ReturnType<typeof composeFoundation>;
const NOW = Date.now();

beforeAll(async () => {
  config = testConfig();
  app = Fastify({ logger: false });
  await app.register(redisPlugin, { target: config, connectTimeoutMs: 5000 });
  await app.register(databasePlugin, { target: config.database });
  await app.ready();
  foundation = composeFoundation(app, config, () => NOW);
}, 30_000);
afterAll(async () => {
  const keys = await app?.redis.keys(`${config.keyPrefix}*`);
  if (keys?.length) await app.redis.del(...keys);
  await app?.close();
  if (config) await dropSchema(config.database.databaseSchema);
});

function rebuild(pageSize = 3) {
  const { deps, tasks } = foundation;
  return new QueueRebuild(deps, new Dispatcher(deps), { tasks, pageSize });
}

async function openCase(
  rank: number,
  userId = `user-${randomUUID()}`,
  id: string = randomUUID(),
): Promise<string> {
  const request: NewRequest = {
    id,
    userId,
    tier: 'regular',
    channel: 'text',
    language: 'en',
    category: 'general',
    score: 40,
    level: 'normal',
    reasons: [],
    createdAt: NOW - 60_000,
  };
  await foundation.cases.open(request, rank);
  return id;
}

describe('queue rebuild from the system of record', () => {
  it('restores every open case page by page in rank order, once, keeping follow-up reservations', async () => {
    // Equal ranks whose ids sort so that the tie spans the first page boundary.
    for (const id of ['tie-a', 'tie-b', 'tie-c', 'tie-d']) await openCase(80, undefined, id);
    await openCase(90);
    const assigned = await openCase(70);
    await foundation.cases.transition(assigned, 'assigned', 'accepted', NOW - 30_000);
    const closed = await openCase(95);
    await foundation.cases.transition(closed, 'ended', 'resolved', NOW - 30_000);
    const first = await openCase(60, 'user-twice');
    const second = await openCase(50, 'user-twice');
    const followUp = await openCase(65);
    const taskId = randomUUID();
    const reservedUntil = NOW + 120_000;
    await app.db
      .insertInto('tasks')
      .values({
        id: taskId,
        kind: 'follow_up',
        case_id: followUp,
        created_by: 'agent-7',
        assignee_id: 'agent-7',
        state: 'open',
        due_at: new Date(NOW - 5000),
        reserved_until: new Date(reservedUntil),
        opened_at: new Date(NOW - 5000),
        created_at: new Date(NOW - 100_000),
        updated_at: new Date(NOW - 5000),
      })
      .execute();

    const expected = await openCasesInQueueOrder(app.db);
    expect(expected).toHaveLength(9);
    expect(await rebuild().ensure()).toBe(9);
    const { queue } = foundation.deps;
    expect(await queue.queueOrder(100)).toEqual(expected);

    // The one with an agent waits again, in PostgreSQL too, with the reason in its history.
    expect((await foundation.cases.get(assigned))?.state).toBe('queued');
    const events = await app.db
      .selectFrom('case_events')
      .select(['state', 'reason'])
      .where('case_id', '=', assigned)
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({ state: 'queued', reason: 'state_store_lost' });
    // A user's two open cases both wait; the more urgent is their active one.
    expect(await app.redis.get(`${config.keyPrefix}user-active:user-twice`)).toBe(first);
    expect((await queue.getRequest(second))?.state).toBe('queued');
    // The reopened follow-up is still reserved for its agent, until the same moment.
    expect(
      await app.redis.hmget(`${config.keyPrefix}req:${followUp}`, 'reservedFor', 'reservedUntil', 'followUp'),
    ).toEqual(['agent-7', String(reservedUntil), taskId]);

    // A second rebuild (the epoch lost again) finds every case in the queue already.
    await app.redis.del(`${config.keyPrefix}queue-epoch`);
    expect(await rebuild(2).ensure()).toBe(0);
    expect(await queue.queueOrder(100)).toEqual(expected);
  });

  it('leaves the rebuild to the instance that claimed it', async () => {
    await app.redis.del(`${config.keyPrefix}queue-epoch`);
    expect(await foundation.deps.queue.claimRebuild(60_000)).toBe(true);
    expect(await rebuild().ensure()).toBe(0);
    expect(await foundation.deps.queue.hasEpoch()).toBe(false);
    await foundation.deps.queue.markBuilt(NOW);
  });
});
