import { Type, type Static } from '@sinclair/typebox';
import { Queue, type ConnectionOptions } from 'bullmq';
import { bullPrefix, type JobSettings } from './queues.js';

/**
 * Live captions, one job per live call: a worker joins the call's room as a hidden participant for
 * as long as the call lasts. The API adds the job when it makes the room; workers consume it.
 */
export const CAPTIONS_QUEUE = 'captions';

/** Ids only: the worker mints its own join token, and no name or word ever rides in a job. */
export const CaptionsJobData = Type.Object(
  {
    sessionId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    room: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
  },
  { additionalProperties: false },
);
export type CaptionsJobData = Static<typeof CaptionsJobData>;

/**
 * One job per session, so a repeated dispatch finds the job already there. Finished jobs are
 * removed at once: a conversation that starts a second call later must be able to add it again.
 */
export const captionsJobId = (sessionId: string) => `captions-${sessionId}`;

/** The producer side, held by the API. */
export class CaptionsJobs {
  private readonly queue: Queue<CaptionsJobData>;

  constructor(
    connection: ConnectionOptions,
    keyPrefix: string,
    private readonly settings: JobSettings,
  ) {
    this.queue = new Queue<CaptionsJobData>(CAPTIONS_QUEUE, { connection, prefix: bullPrefix(keyPrefix) });
  }

  async enqueue(data: CaptionsJobData): Promise<string> {
    const jobId = captionsJobId(data.sessionId);
    await this.queue.add('captions', data, {
      jobId,
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: true,
      // A failed job kept under this id would refuse the session's next call its captions; the
      // worker has logged why it failed.
      removeOnFail: true,
    });
    return jobId;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
