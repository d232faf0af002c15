import { estimatedWaitSeconds } from '../../core/routing/eta.js';
import { cobhamClassWaits, erlangCMeanWait } from '../../core/routing/sim/queueingTheory.js';
import { simulate } from '../../core/routing/sim/simulate.js';

const relativeError = (got: number, expected: number) => Math.abs(got - expected) / expected;
const REPLICATION_SEEDS = [1, 2, 3, 4];

/**
 * P3: the routing core in simulated time. Events per second; M/M/c average speed of answer against
 * Erlang C at several loads; per-class waits against Cobham; and the ETA users see against the
 * waits they then had.
 */
export function benchSimulator() {
  const agents = 10;
  const serviceRate = 1 / 180; // three-minute sessions
  const loads = [0.5, 0.7, 0.85, 0.95].map((rho) => {
    const arrivalRate = rho * agents * serviceRate;
    // Independent replications: one long run's waits are strongly autocorrelated near saturation.
    const started = performance.now();
    const runs = REPLICATION_SEEDS.map((seed) =>
      simulate({
        agents,
        serviceRate,
        classes: [{ name: 'all', arrivalRate, score: 50 }],
        arrivals: 500_000,
        warmup: 20_000,
        seed,
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const meanWait = runs.reduce((sum, r) => sum + r.meanWait, 0) / runs.length;
    const events = runs.reduce((sum, r) => sum + r.events, 0);
    const theory = erlangCMeanWait(agents, arrivalRate, serviceRate);
    return {
      rho,
      simulatedAsaSeconds: meanWait,
      erlangCAsaSeconds: theory,
      error: relativeError(meanWait, theory),
      eventsPerSecond: events / seconds,
      samples: runs[0]!.positionSamples,
    };
  });

  const classes = [
    { name: 'critical', arrivalRate: 0.015, score: 80 },
    { name: 'high', arrivalRate: 0.015, score: 60 },
    { name: 'normal', arrivalRate: 0.0175, score: 35 },
  ];
  const priority = simulate({ agents, serviceRate, classes, arrivals: 600_000, warmup: 20_000, seed: 9 });
  const cobham = cobhamClassWaits(
    agents,
    classes.map((c) => c.arrivalRate),
    serviceRate,
  );
  const perClass = classes.map((c, i) => ({
    class: c.name,
    simulatedSeconds: priority.classWaits[c.name]!,
    cobhamSeconds: cobham[i]!,
    error: relativeError(priority.classWaits[c.name]!, cobham[i]!),
  }));

  // The ETA shown on arrival against the wait that followed, for requests that had to wait.
  const waited = loads.flatMap((l) => l.samples).filter((s) => s.wait > 0);
  const etaErrors = waited.map(
    (s) =>
      estimatedWaitSeconds(s.position, { servingAgents: agents, avgHandleSeconds: 1 / serviceRate }) - s.wait,
  );
  const meanAbsolute = etaErrors.reduce((sum, e) => sum + Math.abs(e), 0) / etaErrors.length;
  const meanWait = waited.reduce((sum, s) => sum + s.wait, 0) / waited.length;
  const bias = etaErrors.reduce((sum, e) => sum + e, 0) / etaErrors.length;

  return {
    eventsPerSecond: Math.min(...loads.map((l) => l.eventsPerSecond)),
    erlangC: loads.map(({ samples: _samples, ...rest }) => rest),
    maxErlangCError: Math.max(...loads.map((l) => l.error)),
    cobham: perClass,
    maxCobhamError: Math.max(...perClass.map((c) => c.error)),
    eta: {
      samples: waited.length,
      meanAbsoluteErrorSeconds: meanAbsolute,
      relativeToMeanWait: meanAbsolute / meanWait,
      biasSeconds: bias,
    },
  };
}
