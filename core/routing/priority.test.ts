import { describe, expect, it } from 'vitest';
import { compareUrgency, effectivePriority, queueRank } from './priority.js';

describe('priority', () => {
  it('ages linearly with waiting time and never below the score', () => {
    expect(effectivePriority(50, 0, 2)).toBe(50);
    expect(effectivePriority(50, 60_000, 2)).toBe(52);
    expect(effectivePriority(50, -5, 2)).toBe(50);
  });

  it('ranks in the same order as effective priority at any moment', () => {
    const items = [
      { id: 'a', score: 70, createdAt: 1_000_000 },
      { id: 'b', score: 30, createdAt: 1_000_000 - 25 * 60_000 },
      { id: 'c', score: 55, createdAt: 1_000_000 - 5 * 60_000 },
    ];
    for (const now of [1_000_000, 1_000_000 + 3_600_000]) {
      const byPriority = [...items].sort(
        (x, y) =>
          effectivePriority(y.score, now - y.createdAt, 2) - effectivePriority(x.score, now - x.createdAt, 2),
      );
      const byRank = [...items].sort(
        (x, y) => queueRank(y.score, y.createdAt, 2) - queueRank(x.score, x.createdAt, 2),
      );
      expect(byRank.map((i) => i.id)).toEqual(byPriority.map((i) => i.id));
    }
  });

  it('breaks ties by arrival then id', () => {
    const a = { id: 'a', score: 10, createdAt: 5 };
    const b = { id: 'b', score: 10, createdAt: 5 };
    expect(compareUrgency(a, b, 0)).toBeLessThan(0);
    expect(compareUrgency({ ...b, createdAt: 4 }, a, 0)).toBeLessThan(0);
  });
});
