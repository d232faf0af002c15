import { atLeast, figure } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchScorer } from '../scorer.js';

const GOALS = { scorerMessagesPerSecond: 10_000 };

export const scorer: BenchGroup = {
  title: 'scorer throughput',
  run: async () => {
    const result = benchScorer(2_000);
    return {
      figures: [
        figure({
          name: 'scorer throughput',
          value: result.messagesPerSecond,
          unit: 'messages/s',
          goal: atLeast(GOALS.scorerMessagesPerSecond),
          baseline: `${result.microsecondsPerMessage.toFixed(1)} µs per message`,
        }),
      ],
      raw: { scorer: result },
    };
  },
};
