/**
 * Urgency grows linearly while a request waits. Because every request ages at the same rate,
 * the order by `score + rate × waited` equals the order by `score − rate × createdAt`, which does
 * not change with time: that is the rank the queue is sorted by, so it never needs re-sorting.
 */

const MS_PER_MINUTE = 60_000;

export function effectivePriority(score: number, waitedMs: number, agingPointsPerMinute: number): number {
  return score + (agingPointsPerMinute * Math.max(0, waitedMs)) / MS_PER_MINUTE;
}

export function queueRank(score: number, createdAt: number, agingPointsPerMinute: number): number {
  return score - (agingPointsPerMinute * createdAt) / MS_PER_MINUTE;
}

/** Most urgent first; equal urgency goes to whoever came first, then by id so order is total. */
export function compareUrgency(
  a: { score: number; createdAt: number; id: string },
  b: { score: number; createdAt: number; id: string },
  agingPointsPerMinute: number,
): number {
  const byRank =
    queueRank(b.score, b.createdAt, agingPointsPerMinute) -
    queueRank(a.score, a.createdAt, agingPointsPerMinute);
  if (byRank !== 0) return byRank;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
