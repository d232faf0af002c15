import { describe, expect, it } from 'vitest';
import { floorMetrics } from './floorMetrics.js';

describe('floorMetrics', () => {
  it('computes ASA, AHT, abandonment and service level from totals', () => {
    const metrics = floorMetrics({
      answered: 4,
      answeredWithinTarget: 3,
      waitSecondsTotal: 100,
      handled: 2,
      handleSecondsTotal: 600,
      abandoned: 1,
      cancelled: 5,
    });
    expect(metrics).toEqual({
      answered: 4,
      asaSeconds: 25,
      ahtSeconds: 300,
      abandoned: 1,
      abandonmentRate: 0.2,
      serviceLevel: 0.75,
    });
  });

  it('is all zeros, not NaN, before anything happened', () => {
    const zero = {
      answered: 0,
      answeredWithinTarget: 0,
      waitSecondsTotal: 0,
      handled: 0,
      handleSecondsTotal: 0,
      abandoned: 0,
      cancelled: 0,
    };
    expect(Object.values(floorMetrics(zero)).every((v) => v === 0)).toBe(true);
  });
});
