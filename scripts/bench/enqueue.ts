import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queueRank } from '../../core/routing/priority.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';

const CONCURRENCY = 64;

async function throughput(total: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** P6: help requests entering the shared queue (one Lua claim each) against raw BullMQ `add`, same Redis, same concurrency. */
export async function benchEnqueue(redisUrl: string, total = 20_000) {
  const prefix = `lifeline-bench-enqueue:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(redisUrl);
  const store = new QueueStore(redis, prefix, 3600_000);
  const queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bench', { connection: queueConnection, prefix: `${prefix}bull` });
  try {
    await throughput(500, (i) => queue.add('warm', { i }));
    const bullmq = await throughput(total, (i) => queue.add('job', { requestId: randomUUID(), i }));
    const now = Date.now();
    const lifeline = await throughput(total, (i) => {
      const id = randomUUID();
      return store.enqueue(
        {
          id,
          userId: `u${i}`,
          tier: 'regular',
          channel: 'call',
          language: 'en',
          category: 'general',
          score: 40,
          level: 'normal',
          reasons: [],
          createdAt: now,
        },
        queueRank(40, now, 2),
        { maxWaiting: 10_000_000, activeTtlMs: 3600_000, abandonAt: now + 3600_000 },
      );
    });
    return {
      requests: total,
      concurrency: CONCURRENCY,
      lifelinePerSecond: Math.round(lifeline),
      bullmqAddPerSecond: Math.round(bullmq),
      ratio: lifeline / bullmq,
    };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    queueConnection.disconnect();
    const keys = await redis.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}
