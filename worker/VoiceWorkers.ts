import { Value } from '@sinclair/typebox/value';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.js';
import { scoreVoiceRequest, type ScoreDeps } from './jobs/score.js';
import { transcribe, type TranscribeDeps } from './jobs/transcribe.js';
import { SCORE_QUEUE, TRANSCRIBE_QUEUE, VoiceJobData, bullPrefix } from '../platform/jobs/queues.js';

/** A payload that does not match its schema can never succeed: fail it without retries. */
const checked =
  <R>(process: (job: Job<VoiceJobData>) => Promise<R>) =>
  (job: Job<VoiceJobData>) => {
    if (!Value.Check(VoiceJobData, job.data)) throw new UnrecoverableError('malformed job payload');
    return process(job);
  };

/**
 * The consumers of the voice flow: one BullMQ Worker per queue. Stalled jobs (a worker died
 * mid-job) go back to the queue after the lock lapses and finish on another worker.
 */
export class VoiceWorkers {
  private readonly workers: Worker<VoiceJobData>[];
  private closing: Promise<void> | null = null;

  constructor(
    connection: ConnectionOptions,
    config: Pick<WorkerConfig, 'keyPrefix' | 'consumers'>,
    deps: TranscribeDeps & ScoreDeps,
    log: Logger,
  ) {
    const common = {
      connection,
      prefix: bullPrefix(config.keyPrefix),
      lockDuration: config.consumers.lockMs,
      stalledInterval: config.consumers.stalledIntervalMs,
      autorun: false,
    };
    this.workers = [
      new Worker<VoiceJobData>(
        TRANSCRIBE_QUEUE,
        checked((job) => transcribe(job, deps)),
        {
          ...common,
          concurrency: config.consumers.transcribeConcurrency,
        },
      ),
      new Worker<VoiceJobData>(
        SCORE_QUEUE,
        checked((job) => scoreVoiceRequest(job, deps)),
        {
          ...common,
          concurrency: config.consumers.scoreConcurrency,
        },
      ),
    ];
    for (const worker of this.workers) {
      // Ids and timings only: payloads and results hold no personal data, and errors carry no transcript.
      worker.on('completed', (job, result) =>
        log.info({ queue: worker.name, jobId: job.id, result }, 'job completed'),
      );
      worker.on('failed', (job, error) =>
        log.warn(
          { queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      worker.on('stalled', (jobId) =>
        log.warn({ queue: worker.name, jobId }, 'job stalled; it will be retried'),
      );
      worker.on('error', (error) => log.warn({ queue: worker.name, err: error }, 'worker error'));
    }
  }

  async start(): Promise<void> {
    for (const worker of this.workers) void worker.run();
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** Waits for jobs in flight, then closes; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= Promise.all(this.workers.map((worker) => worker.close())).then(() => undefined);
    return this.closing;
  }
}
