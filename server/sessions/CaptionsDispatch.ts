import type { ConnectionOptions } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { CaptionsJobs } from '../../platform/jobs/captions.js';
import type { JobSettings } from '../../platform/jobs/queues.js';

/** What SessionService tells captions: a live call's room now exists. */
export interface CaptionsDispatch {
  liveCallRoomMade(sessionId: string, room: string): void;
}

/** When LIVE_CAPTIONS is off (and in compositions that never set one). */
export const NO_CAPTIONS: CaptionsDispatch = { liveCallRoomMade: () => undefined };

/**
 * Adds a captions job for each live call room. Captions are an aid, never a condition of the call:
 * a failure to enqueue (Redis down) is logged and the call goes on without them, so nothing here
 * is awaited by the session's start.
 */
export class QueuedCaptions implements CaptionsDispatch {
  constructor(
    private readonly jobs: Pick<CaptionsJobs, 'enqueue'>,
    private readonly log: FastifyBaseLogger,
  ) {}

  liveCallRoomMade(sessionId: string, room: string): void {
    this.jobs.enqueue({ sessionId, room }).then(
      (jobId) => this.log.debug({ sessionId, jobId }, 'captions job added'),
      (error: unknown) =>
        this.log.warn({ err: error, sessionId }, 'could not add the captions job; the call goes on without'),
    );
  }
}

/** The dispatch LIVE_CAPTIONS asks for, and how to close its queue when the app closes. */
export function composeCaptions(
  settings: { liveCaptions: boolean; keyPrefix: string; jobs: JobSettings },
  connection: ConnectionOptions,
  log: FastifyBaseLogger,
): { dispatch: CaptionsDispatch; close: () => Promise<void> } {
  if (!settings.liveCaptions) return { dispatch: NO_CAPTIONS, close: async () => undefined };
  const jobs = new CaptionsJobs(connection, settings.keyPrefix, settings.jobs);
  return { dispatch: new QueuedCaptions(jobs, log), close: () => jobs.close() };
}
