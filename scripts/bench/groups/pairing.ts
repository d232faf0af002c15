import { pairingChartSvg } from '../chart.js';
import { benchDispatchCost, dispatchCostMarkdown } from '../dispatchCost.js';
import { atMost, below, figure } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchPairing } from '../pairing.js';

const GOALS = {
  pairP99Ms: 25,
  pairOverEcho: 3,
  starvationOfferP99Ms: 50,
  dispatchCostGrowth: 2,
};

export const p1: BenchGroup = {
  title: 'P1 time to pair: 2 API instances, 300 agents, 200 and 2,000 waiting (about a minute)',
  run: async ({ progress, writeResult }) => {
    const pairing = await benchPairing({
      agents: 300,
      levels: [200, 2000],
      sessionMs: [1000, 2000],
      measureMs: 10_000,
      onProgress: progress,
    });
    const heavy = pairing.levels.at(-1)!;
    writeResult('time-to-pair.svg', pairingChartSvg(pairing.levels, pairing.echo.p99));
    return {
      figures: [
        figure({
          name: 'P1 time to pair p99 (2,000 waiting, 300 agents)',
          value: heavy.p99,
          unit: 'ms',
          goal: below(GOALS.pairP99Ms, ' ms'),
          baseline: `p50 ${heavy.p50.toFixed(1)} ms over ${heavy.samples} pairings`,
        }),
        figure({
          name: 'P1 time to pair p99 over bare ws echo p99',
          value: heavy.p99 / pairing.echo.p99,
          unit: '×',
          goal: atMost(GOALS.pairOverEcho, '×'),
          baseline: `echo p50 ${pairing.echo.p50.toFixed(2)} ms, p99 ${pairing.echo.p99.toFixed(2)} ms`,
        }),
      ],
      raw: { pairing },
    };
  },
};

export const starvation: BenchGroup = {
  title: 'starvation: 100,000 waiting, the 1,000 most urgent servable by nobody online',
  run: async ({ progress }) => {
    const starved = await benchPairing({
      agents: 100,
      levels: [100_000],
      seed: { servable: 99_000, unservable: 1000 },
      sessionMs: [1000, 2000],
      measureMs: 10_000,
      onProgress: progress,
    });
    const level = starved.levels[0]!;
    return {
      figures: [
        figure({
          name: 'time to offer p99 behind 1,000 unservable (100,000 waiting)',
          value: level.p99,
          unit: 'ms',
          goal: below(GOALS.starvationOfferP99Ms, ' ms'),
          baseline: `p50 ${level.p50.toFixed(1)} ms over ${level.samples} offers; bare ws echo p99 ${starved.echo.p99.toFixed(2)} ms`,
        }),
      ],
      raw: { starvation: starved },
    };
  },
};

export const dispatch: BenchGroup = {
  title: 'cost of one dispatch as the queue and the floor grow',
  run: async ({ progress, writeResult }) => {
    const rows = await benchDispatchCost({
      waiting: [1000, 10_000, 100_000],
      agents: [100, 1000, 5000],
      onProgress: progress,
    });
    const figures = (['agent frees up', 'request arrives'] as const).map((path) => {
      const mine = rows.filter((row) => row.path === path);
      const smallest = mine[0]!;
      const largest = mine.at(-1)!;
      return figure({
        name: `dispatch cost growth, ${path} (Redis µs, 1,000×100 → 100,000×5,000)`,
        value: largest.redisMicrosPerDispatch / smallest.redisMicrosPerDispatch,
        unit: '×',
        goal: atMost(GOALS.dispatchCostGrowth, '× (flat)'),
        baseline: `${smallest.redisMicrosPerDispatch.toFixed(0)} → ${largest.redisMicrosPerDispatch.toFixed(0)} µs; ${largest.roundTripsPerDispatch.toFixed(1)} round trip, ${largest.redisCommandsPerDispatch.toFixed(0)} commands inside Redis`,
      });
    });
    writeResult('dispatch-cost.md', dispatchCostMarkdown(rows));
    return { figures, raw: { dispatchCost: rows } };
  },
};
