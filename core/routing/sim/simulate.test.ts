import { describe, expect, it } from 'vitest';
import { cobhamClassWaits, erlangC, erlangCMeanWait } from './queueingTheory.js';
import { simulate } from './simulate.js';

describe('queueing theory', () => {
  it('matches textbook Erlang C values', () => {
    // 10 agents offered 8 erlangs: P(wait) ≈ 0.409 (standard tables).
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
    // M/M/1: Wq = ρ / (μ − λ).
    expect(erlangCMeanWait(1, 0.5, 1)).toBeCloseTo(1, 10);
  });

  it('gives Cobham waits that average back to the Erlang C wait', () => {
    const rates = [0.3, 0.5];
    const waits = cobhamClassWaits(2, rates, 1);
    const mixed = (rates[0]! * waits[0]! + rates[1]! * waits[1]!) / 0.8;
    expect(mixed).toBeCloseTo(erlangCMeanWait(2, 0.8, 1), 10);
    expect(waits[0]).toBeLessThan(waits[1]!);
  });
});

describe('simulator over the routing core (smoke run)', () => {
  it('reproduces the M/M/c average speed of answer within 5%', () => {
    const result = simulate({
      agents: 5,
      serviceRate: 1,
      classes: [{ name: 'all', arrivalRate: 4, score: 50 }],
      arrivals: 150_000,
      warmup: 5_000,
      seed: 7,
    });
    const theory = erlangCMeanWait(5, 4, 1);
    expect(Math.abs(result.meanWait - theory) / theory).toBeLessThan(0.05);
    expect(Math.abs(result.waitProbability - erlangC(5, 4)) / erlangC(5, 4)).toBeLessThan(0.05);
  });

  it('serves urgent classes first, within 10% of Cobham’s per-class waits', () => {
    const classes = [
      { name: 'critical', arrivalRate: 1.5, score: 80 },
      { name: 'normal', arrivalRate: 2.5, score: 35 },
    ];
    const result = simulate({
      agents: 5,
      serviceRate: 1,
      classes,
      arrivals: 150_000,
      warmup: 5_000,
      seed: 11,
    });
    const theory = cobhamClassWaits(5, [1.5, 2.5], 1);
    expect(Math.abs(result.classWaits.critical! - theory[0]!) / theory[0]!).toBeLessThan(0.1);
    expect(Math.abs(result.classWaits.normal! - theory[1]!) / theory[1]!).toBeLessThan(0.1);
  });
});
