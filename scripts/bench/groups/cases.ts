import { benchCaseCreation } from '../cases.js';
import { atLeast, below, figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchQueueRebuild } from '../rebuild.js';

const GOALS = { casesPerSecond: 1000, rebuildSeconds: 10 };

export const cases: BenchGroup = {
  title: 'case creation with PostgreSQL over HTTP, one API process, then bare INSERTs',
  run: async ({ progress }) => {
    const result = await benchCaseCreation({
      concurrency: 48,
      warmMs: 2000,
      measureMs: 8000,
      onProgress: progress,
    });
    return {
      figures: [
        figure({
          name: 'case creation with PostgreSQL (POST /v1/help-requests, one API process)',
          value: result.created.perSecond,
          unit: 'creates/s',
          goal: atLeast(GOALS.casesPerSecond),
          baseline: `HTTP path, ${result.concurrency} clients, each a new user; ${result.created.done} created, ${result.created.failed} failed; the API process spent ${result.apiCpuMsPerCreate.toFixed(2)} ms CPU per create`,
        }),
        figure({
          name: 'case creation over bare INSERT into the same cases table',
          value: result.overBareInsert,
          unit: '×',
          goal: REPORT_ONLY,
          baseline: `bare INSERT ${Math.round(result.bareInsert.perSecond)} rows/s one per statement (${result.concurrency} callers, ${result.pool} connections as the API), ${Math.round(result.bareMultiRowInsert.perSecond)} rows/s ${result.multiRow} per statement`,
        }),
      ],
      raw: { cases: result },
    };
  },
};

export const rebuild: BenchGroup = {
  title: 'rebuild of the Redis queue from 100,000 open cases in PostgreSQL',
  run: async ({ progress }) => {
    const rebuilt = await benchQueueRebuild({ cases: 100_000, assignedEvery: 100, onProgress: progress });
    return {
      figures: [
        figure({
          name: 'queue rebuild from 100,000 open cases in PostgreSQL',
          value: rebuilt.rebuildMs / 1000,
          unit: 's',
          goal: below(GOALS.rebuildSeconds, ' s'),
          baseline: `${Math.round(rebuilt.cases / (rebuilt.rebuildMs / 1000))} cases/s into an empty prefix, ${rebuilt.assigned} of them assigned before; count and order verified; seeding the rows took ${(rebuilt.seedMs / 1000).toFixed(1)} s`,
        }),
      ],
      raw: { rebuild: rebuilt },
    };
  },
};
