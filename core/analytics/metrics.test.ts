import { describe, expect, it } from 'vitest';
import { metricsOf, NO_SUMS, rollUp, totalOf } from './metrics.js';

describe('analytics metrics', () => {
  it('divides sums: abandoned users count against the service level, cancelled ones do not', () => {
    const m = metricsOf({
      ...NO_SUMS,
      offered: 6,
      answered: 3,
      answeredWithinTarget: 2,
      abandoned: 1,
      cancelled: 2,
      waitSeconds: 150,
      handled: 4,
      handleSeconds: 1140,
      ratings: 3,
      ratingStars: 12,
    });
    expect(m).toMatchObject({ serviceLevel: 0.5, asaSeconds: 50, abandonmentRate: 0.25, ahtSeconds: 285 });
    expect(m.csat).toEqual({ mean: 4, count: 3 });
  });

  it('says nothing rather than 0 when there is nothing to divide by', () => {
    const m = metricsOf({ ...NO_SUMS, offered: 1, cancelled: 1 });
    expect(m).toMatchObject({
      serviceLevel: null,
      asaSeconds: null,
      abandonmentRate: null,
      ahtSeconds: null,
    });
    expect(m.csat).toEqual({ mean: null, count: 0 });
  });

  it('rolls groups up by key before dividing, busiest first', () => {
    const groups = [
      { q: 'a', answered: 1, waitSeconds: 10, offered: 1 },
      { q: 'b', answered: 1, waitSeconds: 100, offered: 2 },
      { q: 'a', answered: 1, waitSeconds: 30, offered: 1 },
    ];
    const rolled = rollUp(groups, (g) => g.q);
    expect(rolled.map((r) => [r.key, r.sums.offered, metricsOf(r.sums).asaSeconds])).toEqual([
      ['a', 2, 20],
      ['b', 2, 100],
    ]);
    expect(metricsOf(totalOf(groups)).asaSeconds).toBeCloseTo(140 / 3);
  });
});
