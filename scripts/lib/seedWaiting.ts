import { randomUUID } from 'node:crypto';
import type { UrgencyLevel } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import type { QueueStore } from '../../platform/stores/QueueStore.js';

/** What a seeded request needs beyond the defaults; `n` is its index in the batch. */
export type SeedShape = (n: number) => {
  language: string;
  category: string;
  score: number;
  level?: UrgencyLevel;
};

const BATCH = 500;
const AGING_POINTS_PER_MINUTE = 2;

/**
 * Puts `count` waiting calls straight into the queue store (benchmarks and tests that need a long
 * queue fast), each its own user, the n-th created n ms ago, none abandoned for an hour.
 * Returns their ids in the order made.
 */
export async function seedWaiting(queue: QueueStore, count: number, shape: SeedShape): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < count; i += BATCH) {
    await Promise.all(
      ids.slice(i, i + BATCH).map((id, k) => {
        const n = i + k;
        const { language, category, score, level = 'normal' } = shape(n);
        return queue.enqueue(
          {
            id,
            userId: `seeded-${id}`,
            tier: 'regular',
            channel: 'call',
            language,
            category,
            score,
            level,
            reasons: [],
            createdAt: now - n,
          },
          queueRank(score, now - n, AGING_POINTS_PER_MINUTE),
          { maxWaiting: Number.MAX_SAFE_INTEGER, activeTtlMs: 3600_000, abandonAt: now + 3600_000 },
        );
      }),
    );
  }
  return ids;
}
