import { Value } from '@sinclair/typebox/value';
import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { bullPrefix } from '../../platform/jobs/queues.js';
import { RECORDS_QUEUE, RecordJobData } from '../../platform/jobs/records.js';
import type { RecordKeeper } from './RecordKeeper.js';

/**
 * Replays the changes that could not be written when they happened, on every instance (BullMQ
 * hands each job to one of them and retries it with backoff; a job held by an instance that dies
 * is taken over). Changes of one job are applied in order.
 */
export class RecordRepairs {
  private readonly worker: Worker<RecordJobData>;

  constructor(
    connection: ConnectionOptions,
    keyPrefix: string,
    keeper: Pick<RecordKeeper, 'apply'>,
    private readonly log: FastifyBaseLogger,
  ) {
    this.worker = new Worker<RecordJobData>(
      RECORDS_QUEUE,
      async (job) => {
        if (!Value.Check(RecordJobData, job.data)) throw new UnrecoverableError('malformed record job');
        for (const change of job.data.changes) await keeper.apply(change);
        return job.data.changes.length;
      },
      { connection, prefix: bullPrefix(keyPrefix), concurrency: 1, autorun: false },
    );
    this.worker.on('completed', (job) => log.info({ jobId: job.id }, 'state change recorded on retry'));
    this.worker.on('failed', (job, error) =>
      log.warn(
        { jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
        'state change still not recorded',
      ),
    );
    this.worker.on('error', (error) => log.warn({ err: error }, 'record replay worker error'));
  }

  start(): void {
    this.worker.run().catch((error: unknown) => this.log.warn({ err: error }, 'record replay stopped'));
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
