import { above, atLeast, figure } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchEnqueue } from '../enqueue.js';
import { benchScaleOut } from '../scaleout.js';

const GOALS = { enqueueOverBullmq: 0.5, scaleOutGrowth: 1 };

export const p6: BenchGroup = {
  title: 'P6 enqueue through Redis against raw BullMQ add',
  run: async () => {
    const enqueue = await benchEnqueue('redis://127.0.0.1:6379');
    return {
      figures: [
        figure({
          name: 'P6 enqueue throughput over BullMQ add',
          value: enqueue.ratio,
          unit: '×',
          goal: atLeast(GOALS.enqueueOverBullmq),
          baseline: `${enqueue.lifelinePerSecond}/s vs BullMQ add ${enqueue.bullmqAddPerSecond}/s at concurrency ${enqueue.concurrency}`,
        }),
      ],
      raw: { enqueue },
    };
  },
};

export const scaleout: BenchGroup = {
  title: 'scale-out: help requests created per second, one API process then two',
  run: async () => {
    const scale = await benchScaleOut();
    return {
      figures: [
        figure({
          name: 'scale-out: creates/s with two API processes over one',
          value: scale.growth,
          unit: '×',
          goal: above(GOALS.scaleOutGrowth),
          baseline: `${scale.onePerSecond}/s with one, ${scale.twoPerSecond}/s with two, same Redis`,
        }),
      ],
      raw: { scale },
    };
  },
};
