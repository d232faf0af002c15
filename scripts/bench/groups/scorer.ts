import { atLeast, below, figure } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchScorer } from '../scorer.js';

/** Issue 13: one request under a millisecond at p99, with the learned model, in every language. */
const GOALS = { messagesPerSecond: 5_000, p99Microseconds: 1_000 };

export const scorer: BenchGroup = {
  title: 'scorer throughput and latency per language',
  run: async () => {
    const runs = benchScorer(1_000);
    return {
      figures: runs.flatMap((run) => [
        figure({
          name: `scorer throughput (${run.language})`,
          value: run.messagesPerSecond,
          unit: 'messages/s',
          goal: atLeast(GOALS.messagesPerSecond),
          baseline: `p50 ${run.p50Microseconds} µs over ${run.messages} messages`,
        }),
        figure({
          name: `scorer p99 per request (${run.language})`,
          value: run.p99Microseconds,
          unit: 'µs',
          goal: below(GOALS.p99Microseconds),
          baseline: `p50 ${run.p50Microseconds} µs`,
        }),
      ]),
      raw: { scorer: runs },
    };
  },
};
