/** One waiting request: the ETA it was shown on joining the line and the wait it then had. */
export interface EtaSample {
  /** Index of its class in the run's options. */
  klass: number;
  etaSeconds: number;
  waitSeconds: number;
}

/**
 * An estimate counts as honest when it is off by at most half the wait or by 30 s, whichever is
 * more: a relative bound alone would fail every short wait on a few seconds of noise, and an
 * absolute one alone would excuse nothing on long waits.
 */
export const WITHIN = { fraction: 0.5, seconds: 30 };

export interface EtaErrorFigures {
  /** Requests that waited, were shown an ETA, and were then served. */
  count: number;
  meanWaitSeconds: number;
  meanEtaSeconds: number;
  meanAbsoluteErrorSeconds: number;
  /** Mean of ETA − wait: positive when users are told to expect longer than they wait. */
  biasSeconds: number;
  p50AbsoluteErrorSeconds: number;
  p90AbsoluteErrorSeconds: number;
  /** Share of estimates within `WITHIN` of the wait that followed, 0–1. */
  withinTolerance: number;
}

/** Nearest-rank percentile of values already sorted ascending. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export function etaErrorFigures(samples: readonly EtaSample[]): EtaErrorFigures {
  const n = samples.length;
  const mean = (values: readonly number[]) => (n === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / n);
  const errors = samples.map((s) => s.etaSeconds - s.waitSeconds);
  const absolute = errors.map(Math.abs).sort((a, b) => a - b);
  const within = samples.filter(
    (s, i) => Math.abs(errors[i]!) <= Math.max(WITHIN.seconds, WITHIN.fraction * s.waitSeconds),
  ).length;
  return {
    count: n,
    meanWaitSeconds: mean(samples.map((s) => s.waitSeconds)),
    meanEtaSeconds: mean(samples.map((s) => s.etaSeconds)),
    meanAbsoluteErrorSeconds: mean(absolute),
    biasSeconds: mean(errors),
    p50AbsoluteErrorSeconds: percentile(absolute, 0.5),
    p90AbsoluteErrorSeconds: percentile(absolute, 0.9),
    withinTolerance: n === 0 ? 0 : within / n,
  };
}

/** The figures for each class (skill group) by name, and over every class together. */
export function etaErrorByClass(
  samples: readonly EtaSample[],
  classNames: readonly string[],
): { overall: EtaErrorFigures; byClass: Record<string, EtaErrorFigures> } {
  return {
    overall: etaErrorFigures(samples),
    byClass: Object.fromEntries(
      classNames.map((name, klass) => [name, etaErrorFigures(samples.filter((s) => s.klass === klass))]),
    ),
  };
}
