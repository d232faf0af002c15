import { etaErrorByClass, WITHIN, type EtaErrorFigures } from '../../core/routing/sim/etaError.js';
import { etaFloor } from '../../core/routing/sim/etaFloor.js';
import { simulate } from '../../core/routing/sim/simulate.js';

/** Long enough that each skill group has tens of thousands of waits; a few seconds of CPU. */
const ARRIVALS = 400_000;
const SEED = 11;

export interface EtaErrorRow extends EtaErrorFigures {
  group: string;
}

/**
 * The ETA the server shows a waiting user, against the wait the simulator then gave them, by
 * skill group and overall, on the shared three-group floor (`etaFloor`).
 */
export function benchEtaError(): { rows: EtaErrorRow[]; arrivals: number; seed: number; seconds: number } {
  const floor = etaFloor(ARRIVALS, SEED);
  const started = performance.now();
  const result = simulate(floor);
  const seconds = (performance.now() - started) / 1000;
  const { overall, byClass } = etaErrorByClass(
    result.etaSamples,
    floor.classes.map((c) => c.name),
  );
  const rows = [
    ...Object.entries(byClass).map(([group, figures]) => ({ group, ...figures })),
    { group: 'all', ...overall },
  ];
  return { rows, arrivals: ARRIVALS, seed: SEED, seconds };
}

const s = (seconds: number) => `${seconds.toFixed(0)} s`;

export function etaErrorMarkdown(rows: readonly EtaErrorRow[], arrivals: number, seed: number): string {
  const lines = rows.map(
    (r) =>
      `| ${r.group} | ${r.count.toLocaleString('en')} | ${s(r.meanWaitSeconds)} | ${s(r.meanEtaSeconds)} | ${s(r.meanAbsoluteErrorSeconds)} | ${s(r.biasSeconds)} | ${s(r.p50AbsoluteErrorSeconds)} | ${s(r.p90AbsoluteErrorSeconds)} | ${(r.withinTolerance * 100).toFixed(0)}% |`,
  );
  return [
    '# ETA shown to waiting users vs the waits that followed (simulated)',
    '',
    `${arrivals.toLocaleString('en')} arrivals, seed ${seed}: ten agents at about 85% load, three-minute sessions; seven`,
    'speak English only, two English with the payment skill, one French and English. A request taken',
    'at once is shown no wait and is not counted. Bias is ETA − wait. Within: off by at most',
    `${WITHIN.fraction * 100}% of the wait or ${WITHIN.seconds} s, whichever is more.`,
    '',
    '| skill group | waits | mean wait | mean ETA | mean abs. error | bias | p50 abs. error | p90 abs. error | within |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
  ].join('\n');
}
