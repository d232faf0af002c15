import { atLeast, below, figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchCaptions } from '../captions.js';

/** The goal: a caption within 2.5 s of the end of what was said, on the tiny-shape model. */
const GOALS = { p95Ms: 2_500, callsWithinGoal: 1 };
/** New rounds start only within this; with the last round the group stays near five minutes. */
const BUDGET_MS = 4 * 60_000;

export const captions: BenchGroup = {
  title:
    'live captions: end of an utterance → caption at the agent, N concurrent calls (real LiveKit and worker)',
  run: async ({ progress }) => {
    const result = await benchCaptions({ goalP95Ms: GOALS.p95Ms, budgetMs: BUDGET_MS, onProgress: progress });
    const one = result.rounds[0]!;
    const setup = `${result.model}, ${result.whisperThreads} whisper threads per call`;
    return {
      figures: [
        figure({
          name: 'caption latency p95, 1 call',
          value: one.p95Ms,
          unit: 'ms',
          goal: below(GOALS.p95Ms, ' ms'),
          baseline: `p50 ${one.p50Ms} ms, max ${one.maxMs} ms, ${one.captioned}/${one.bursts} bursts captioned; ${setup}`,
        }),
        figure({
          name: 'caption worker CPU per call',
          value: one.cpuSecondsPerCallMinute,
          unit: 'CPU s per call-minute',
          goal: REPORT_ONLY,
          baseline: `worker process and its whisper.cpp children, /proc/<pid>/stat, 1 call of ${one.seconds} s`,
        }),
        figure({
          name: 'concurrent calls with caption p95 under goal',
          value: result.largestCallsWithinGoal,
          unit: 'calls',
          goal: atLeast(GOALS.callsWithinGoal),
          baseline: result.rounds.map((r) => `N=${r.calls}: p95 ${r.p95Ms} ms`).join('; '),
        }),
      ],
      raw: { captions: result },
    };
  },
};
