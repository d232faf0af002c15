import type { FastifyBaseLogger } from 'fastify';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { TranscriptRepository } from '../../platform/db/TranscriptRepository.js';
import type { BlobStore } from '../../platform/storage/BlobStore.js';

/** Where voice messages and video clips with their thumbnails live (see voiceBlobKey, videoBlobKey). */
const VOICE_FOLDER = 'voice';
const VIDEO_FOLDER = 'video';

/**
 * Deletes what has outlived its retention: conversation lines and transcripts in PostgreSQL, and
 * voice and video files in the blob store (RETAIN_VOICE_DAYS covers both). The hot request's copy
 * of a transcript goes with the request, which Redis expires after REQUEST_RETENTION_SECONDS.
 * Any instance may run it; `claim` makes one do it per period.
 */
export class RetentionPurge {
  private lastRun = 0;

  constructor(
    private readonly deps: {
      cases: Pick<CaseRepository, 'purgeMessagesBefore'>;
      transcripts: Pick<TranscriptRepository, 'purgeBefore'>;
      blobs: Pick<BlobStore, 'deleteOlderThan'>;
      /** One instance per period: true for the one that may purge now. */
      claim: (periodMs: number) => Promise<boolean>;
      settings: { messagesMs: number; transcriptsMs: number; voiceMs: number; sweepMs: number };
      now: () => number;
      log: FastifyBaseLogger;
    },
  ) {}

  /** Purges at most once per sweep period on this instance, and once per period across instances. */
  async maybeRun(): Promise<void> {
    const { settings, now } = this.deps;
    if (now() - this.lastRun < settings.sweepMs) return;
    this.lastRun = now();
    if (await this.deps.claim(settings.sweepMs)) await this.run();
  }

  async run(): Promise<{ messages: number; transcripts: number; voiceFiles: number }> {
    const { cases, blobs, settings, now, log } = this.deps;
    const messages = await cases.purgeMessagesBefore(now() - settings.messagesMs);
    const transcripts = await this.deps.transcripts.purgeBefore(now() - settings.transcriptsMs);
    const cutoff = now() - settings.voiceMs;
    const voiceFiles =
      (await blobs.deleteOlderThan(VOICE_FOLDER, cutoff)) +
      (await blobs.deleteOlderThan(VIDEO_FOLDER, cutoff));
    if (messages + transcripts + voiceFiles > 0)
      log.info({ messages, transcripts, voiceFiles }, 'retention purge');
    return { messages, transcripts, voiceFiles };
  }
}
