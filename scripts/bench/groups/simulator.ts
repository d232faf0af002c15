import { above, atMost, figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchSimulator } from '../simulator.js';

const GOALS = {
  simulatorEventsPerSecond: 1_000_000,
  erlangCError: 0.05,
  cobhamError: 0.1,
};

export const p3: BenchGroup = {
  title: 'P3 simulator over the routing core (simulated time)',
  run: async () => {
    const sim = benchSimulator();
    return {
      figures: [
        figure({
          name: 'P3 simulator throughput',
          value: sim.eventsPerSecond,
          unit: 'events/s',
          goal: above(GOALS.simulatorEventsPerSecond),
          baseline: 'slowest of four loads, 10 agents',
        }),
        // Errors are goals as fractions, shown and judged as percentages.
        figure({
          name: 'P3 M/M/c ASA vs Erlang C',
          value: sim.maxErlangCError * 100,
          unit: '% worst error',
          goal: atMost(GOALS.erlangCError * 100, '%'),
          baseline: sim.erlangC
            .map(
              (l) =>
                `ρ=${l.rho}: ${l.simulatedAsaSeconds.toFixed(1)} s vs ${l.erlangCAsaSeconds.toFixed(1)} s`,
            )
            .join('; '),
        }),
        figure({
          name: 'P3 priority waits vs Cobham',
          value: sim.maxCobhamError * 100,
          unit: '% worst error',
          goal: atMost(GOALS.cobhamError * 100, '%'),
          baseline: sim.cobham
            .map((c) => `${c.class}: ${c.simulatedSeconds.toFixed(1)} s vs ${c.cobhamSeconds.toFixed(1)} s`)
            .join('; '),
        }),
        figure({
          name: 'ETA error (position × AHT / agents)',
          value: sim.eta.relativeToMeanWait * 100,
          unit: '% of mean wait (MAE)',
          goal: REPORT_ONLY,
          baseline: `MAE ${sim.eta.meanAbsoluteErrorSeconds.toFixed(1)} s, bias ${sim.eta.biasSeconds.toFixed(1)} s over ${sim.eta.samples} waits`,
        }),
      ],
      raw: { simulator: sim },
    };
  },
};
