import { beforeAll, describe, expect, it } from 'vitest';
import { etaErrorByClass, etaErrorFigures, type EtaErrorFigures } from './etaError.js';
import { etaFloor } from './etaFloor.js';
import { simulate } from './simulate.js';

/**
 * Measured on this floor and seed (the simulator is deterministic for a seed), with the ETA the
 * server shows today. Bounds are 1.3× the measured error (and 0.08 below the measured share
 * within tolerance): a regression in the estimator or in what it is given fails, nothing else moves.
 */
const MEASURED: Record<
  string,
  Pick<
    EtaErrorFigures,
    'meanAbsoluteErrorSeconds' | 'biasSeconds' | 'p90AbsoluteErrorSeconds' | 'withinTolerance'
  >
> = {
  'English, general': {
    meanAbsoluteErrorSeconds: 36.1,
    biasSeconds: -18.3,
    p90AbsoluteErrorSeconds: 86.5,
    withinTolerance: 0.839,
  },
  'English, payment': {
    meanAbsoluteErrorSeconds: 142.1,
    biasSeconds: -20.5,
    p90AbsoluteErrorSeconds: 298.4,
    withinTolerance: 0.625,
  },
  'French, general': {
    meanAbsoluteErrorSeconds: 228.9,
    biasSeconds: -19.5,
    p90AbsoluteErrorSeconds: 508.2,
    withinTolerance: 0.548,
  },
};
const MARGIN = 1.3;

describe('ETA shown to waiting users against the waits that followed (fixed seed)', () => {
  const floor = etaFloor(20_000, 11);
  let byClass: Record<string, EtaErrorFigures>;
  beforeAll(() => {
    byClass = etaErrorByClass(
      simulate(floor).etaSamples,
      floor.classes.map((c) => c.name),
    ).byClass;
  });

  it.each(Object.keys(MEASURED))('%s stays within the measured error', (name) => {
    const measured = MEASURED[name]!;
    const got = byClass[name]!;
    expect(got.count).toBeGreaterThan(1000);
    expect(got.meanAbsoluteErrorSeconds).toBeLessThanOrEqual(measured.meanAbsoluteErrorSeconds * MARGIN);
    expect(Math.abs(got.biasSeconds)).toBeLessThanOrEqual(Math.abs(measured.biasSeconds) * MARGIN);
    expect(got.p90AbsoluteErrorSeconds).toBeLessThanOrEqual(measured.p90AbsoluteErrorSeconds * MARGIN);
    expect(got.withinTolerance).toBeGreaterThanOrEqual(measured.withinTolerance - 0.08);
  });
});

describe('etaErrorFigures', () => {
  it('counts an estimate honest within half the wait or 30 s, and signs the bias ETA − wait', () => {
    const figures = etaErrorFigures([
      { klass: 0, etaSeconds: 80, waitSeconds: 60 },
      { klass: 0, etaSeconds: 400, waitSeconds: 250 },
      { klass: 0, etaSeconds: 10, waitSeconds: 200 },
    ]);
    expect(figures.withinTolerance).toBeCloseTo(1 / 3, 10);
    expect(figures.biasSeconds).toBeCloseTo(-20 / 3, 10);
    expect(figures.meanAbsoluteErrorSeconds).toBe(120);
    expect(figures.p50AbsoluteErrorSeconds).toBe(150);
    expect(figures.p90AbsoluteErrorSeconds).toBe(190);
  });
});
