import { benchEtaError, etaErrorMarkdown } from '../etaError.js';
import { figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';

export const eta: BenchGroup = {
  title: 'ETA shown to waiting users vs simulated waits, by skill group',
  run: async ({ progress, writeResult }) => {
    const result = benchEtaError();
    progress(`${result.arrivals.toLocaleString('en')} arrivals simulated in ${result.seconds.toFixed(1)} s`);
    writeResult('eta-error.md', etaErrorMarkdown(result.rows, result.arrivals, result.seed));
    return {
      figures: result.rows.map((row) =>
        figure({
          name: `ETA error, ${row.group}`,
          value: (row.meanAbsoluteErrorSeconds / row.meanWaitSeconds) * 100,
          unit: '% of mean wait (MAE)',
          goal: REPORT_ONLY,
          baseline: `wait ${row.meanWaitSeconds.toFixed(0)} s, ETA ${row.meanEtaSeconds.toFixed(0)} s, bias ${row.biasSeconds.toFixed(0)} s, p90 abs. error ${row.p90AbsoluteErrorSeconds.toFixed(0)} s, ${(row.withinTolerance * 100).toFixed(0)}% within ±50% or 30 s, over ${row.count} waits`,
        }),
      ),
      raw: { etaError: result },
    };
  },
};
