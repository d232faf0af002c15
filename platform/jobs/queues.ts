import { Type, type Static } from '@sinclair/typebox';
import { FlowProducer, type ConnectionOptions, type FlowJob } from 'bullmq';

/** Queue names and job ids, shared by the API (producer) and workers (consumers). */
export const TRANSCRIBE_QUEUE = 'transcribe';
export const SCORE_QUEUE = 'score';

/** Payloads carry the request id only: never audio, text or anything about the user. */
export const VoiceJobData = Type.Object(
  { requestId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type VoiceJobData = Static<typeof VoiceJobData>;

export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}

/** Derived from the request, so a retry or a repeated upload finds the same jobs instead of adding more. */
export const transcribeJobId = (requestId: string) => `transcribe-${requestId}`;
export const scoreJobId = (requestId: string) => `score-${requestId}`;
export const voiceBlobKey = (requestId: string) => `voice/${requestId}`;
export const videoBlobKey = (requestId: string) => `video/${requestId}`;
export const videoThumbnailKey = (requestId: string) => `video/${requestId}.jpg`;

export interface JobSettings {
  attempts: number;
  backoffMs: number;
}

/**
 * Transcribe, then score. If transcription fails for good, scoring still runs on what is known
 * (ignoreDependencyOnFailure), so a failed transcript never strands the request.
 */
export function voiceFlow(requestId: string, settings: JobSettings): FlowJob {
  const retry = {
    attempts: settings.attempts,
    backoff: { type: 'exponential' as const, delay: settings.backoffMs },
  };
  return {
    name: 'score',
    queueName: SCORE_QUEUE,
    data: { requestId } satisfies VoiceJobData,
    opts: {
      jobId: scoreJobId(requestId),
      ...retry,
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    children: [
      {
        name: 'transcribe',
        queueName: TRANSCRIBE_QUEUE,
        data: { requestId } satisfies VoiceJobData,
        opts: {
          jobId: transcribeJobId(requestId),
          ...retry,
          ignoreDependencyOnFailure: true,
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      },
    ],
  };
}

/** The producer side, held by the API: it only adds flows. */
export class VoiceJobs {
  private readonly flows: FlowProducer;

  constructor(
    connection: ConnectionOptions,
    keyPrefix: string,
    private readonly settings: JobSettings,
  ) {
    this.flows = new FlowProducer({ connection, prefix: bullPrefix(keyPrefix) });
  }

  async enqueue(requestId: string): Promise<string> {
    await this.flows.add(voiceFlow(requestId, this.settings));
    return transcribeJobId(requestId);
  }

  async close(): Promise<void> {
    await this.flows.close();
  }
}
