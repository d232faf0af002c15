import { below, figure } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchAssistantLatency } from '../kb.js';

const GOALS = { replyP99Ms: 100 };

export const kb: BenchGroup = {
  title: 'assistant reply latency with 1,000 knowledge-base articles in PostgreSQL',
  run: async ({ progress }) => {
    const result = await benchAssistantLatency({ articles: 1000, rounds: 5, onProgress: progress });
    return {
      figures: [
        figure({
          name: 'assistant reply (search, urgency, decision) with 1,000 articles',
          value: result.p99Ms,
          unit: 'ms p99',
          goal: below(GOALS.replyP99Ms, ' ms'),
          baseline: `p50 ${result.p50Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(1)} ms over ${result.replies} replies, one at a time`,
        }),
      ],
      raw: { kb: result },
    };
  },
};
