import { Value } from '@sinclair/typebox/value';
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { CAPTIONS_QUEUE, CaptionsJobData } from '../../platform/jobs/captions.js';
import { bullPrefix } from '../../platform/jobs/queues.js';
import type { WorkerConfig } from '../config.js';
import { captionCall, type CaptionerDeps, type CallCaptionsResult } from './CallCaptioner.js';

/**
 * The consumer of captions jobs: one job is one live call, held for as long as the call lasts.
 * BullMQ renews the job's lock while the worker lives; if the process dies, the lock lapses, the
 * stalled-job check puts the job back, and another worker rejoins the room. On a graceful stop the
 * calls are handed back at once (moved to the delayed set with no delay) instead of waiting for
 * them to end, which could take an hour.
 */
export class CaptionsWorker {
  private readonly worker: Worker<CaptionsJobData, CallCaptionsResult>;
  private readonly stopping = new AbortController();
  private closing: Promise<void> | null = null;

  constructor(
    connection: ConnectionOptions,
    config: Pick<WorkerConfig, 'keyPrefix' | 'consumers' | 'captions'>,
    deps: CaptionerDeps,
    log: Logger,
  ) {
    this.worker = new Worker<CaptionsJobData, CallCaptionsResult>(
      CAPTIONS_QUEUE,
      (job, token) => this.process(job, token, deps),
      {
        connection,
        prefix: bullPrefix(config.keyPrefix),
        concurrency: config.captions.concurrency,
        lockDuration: config.consumers.lockMs,
        stalledInterval: config.consumers.stalledIntervalMs,
        autorun: false,
      },
    );
    // Ids and counts only: a caption's words never reach a log.
    this.worker.on('completed', (job, result) =>
      log.info({ queue: CAPTIONS_QUEUE, jobId: job.id, result }, 'captions job completed'),
    );
    this.worker.on('failed', (job, error) =>
      log.warn({ queue: CAPTIONS_QUEUE, jobId: job?.id, err: error.message }, 'captions job failed'),
    );
    this.worker.on('stalled', (jobId) =>
      log.warn({ queue: CAPTIONS_QUEUE, jobId }, 'captions job stalled; another worker rejoins the call'),
    );
    this.worker.on('error', (error) => log.warn({ queue: CAPTIONS_QUEUE, err: error }, 'worker error'));
  }

  private async process(
    job: Job<CaptionsJobData, CallCaptionsResult>,
    token: string | undefined,
    deps: CaptionerDeps,
  ): Promise<CallCaptionsResult> {
    if (!Value.Check(CaptionsJobData, job.data)) throw new UnrecoverableError('malformed job payload');
    const result = await captionCall(job.data, deps, this.stopping.signal);
    if (result.outcome === 'stopped' && token) {
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError('handed back: this worker is stopping');
    }
    return result;
  }

  async start(): Promise<void> {
    void this.worker.run();
    await this.worker.waitUntilReady();
  }

  /** Leaves every room (handing its call back), then closes; safe to call more than once. */
  close(): Promise<void> {
    if (!this.closing) {
      // Closing first stops new jobs being taken; the abort then ends the calls in hand.
      this.closing = this.worker.close();
      this.stopping.abort();
    }
    return this.closing;
  }
}
