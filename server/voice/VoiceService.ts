import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../auth/principal.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { VoiceRequests } from '../../platform/stores/QueueStore.js';
import { AudioUnsupportedError, probeAudio } from '../../platform/audio/ffmpeg.js';
import { publishVoiceProgress } from '../../platform/jobs/progress.js';
import { transcribeJobId, voiceBlobKey } from '../../platform/jobs/queues.js';
import { OPEN_STATES, type RecordingDeps } from './recordings.js';

export type VoiceDeps = RecordingDeps<VoiceRequests>;

/**
 * A request's voice message: accepted from its own user, a line of the case's conversation, and
 * played with the conversation's rights (its user, the agent offered or serving it, supervisors).
 */
export class VoiceService {
  constructor(private readonly deps: VoiceDeps) {}

  async upload(
    principal: Principal,
    requestId: string,
    contentType: string,
    bytes: Buffer,
  ): Promise<{ jobId: string; durationSeconds: number }> {
    if (principal.kind !== 'user' || principal.requestId !== requestId)
      throw new LifelineError(
        'LIFELINE_FORBIDDEN',
        'Only the request’s own user may upload its voice message',
      );
    const { requests, blobs, jobs, bus, limits } = this.deps;
    const record = await requests.getRequest(requestId);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    if (!OPEN_STATES.has(record.state)) throw new LifelineError('LIFELINE_REQUEST_CLOSED');
    if (record.video)
      throw new LifelineError('LIFELINE_RECORDING_EXISTS', 'This request already has a video');
    if (record.voice) return { jobId: transcribeJobId(requestId), durationSeconds: record.voice.seconds };
    const durationSeconds = await this.probe(bytes);
    if (durationSeconds > limits.maxSeconds)
      throw new LifelineError(
        'LIFELINE_AUDIO_TOO_LONG',
        `Voice messages may be at most ${limits.maxSeconds} s`,
      );
    await blobs.put(voiceBlobKey(requestId), bytes, contentType);
    const seconds = Math.round(durationSeconds * 10) / 10;
    const claim = await requests.claimVoice(requestId, contentType, seconds);
    if (claim === 'GONE') throw new LifelineError('LIFELINE_NOT_FOUND');
    const jobId = await jobs.enqueue(requestId);
    if (claim === 'OK') {
      await publishVoiceProgress(bus, record, { status: 'queued', transcript: 'pending' });
      await this.addToConversation(principal, requestId, { contentType, seconds });
    }
    return { jobId, durationSeconds };
  }

  /** The bytes are checked by ffprobe before anything is stored or queued. */
  private async probe(bytes: Buffer): Promise<number> {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-upload-'));
    try {
      const file = join(dir, 'upload');
      await writeFile(file, bytes);
      return (await probeAudio(file)).durationSeconds;
    } catch (error) {
      if (error instanceof AudioUnsupportedError)
        throw new LifelineError('LIFELINE_AUDIO_UNSUPPORTED', undefined, { cause: error });
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Read from the blob store, not the hot record, so it still plays after Redis was rebuilt; a
   * request whose recording is a video has no file under the voice key.
   */
  async playback(principal: Principal, requestId: string): Promise<{ bytes: Buffer; contentType: string }> {
    await this.deps.conversations.assertParticipant(principal, requestId);
    const blob = await this.deps.blobs.get(voiceBlobKey(requestId));
    if (!blob) throw new LifelineError('LIFELINE_NOT_FOUND', 'This request has no voice message');
    return blob;
  }

  /**
   * The message's line in the system of record, written after the claim like other recorded
   * changes: a failed write is logged and does not undo the accepted upload.
   */
  private async addToConversation(
    principal: Principal,
    requestId: string,
    audio: { contentType: string; seconds: number },
  ) {
    try {
      await this.deps.conversations.attach(principal, requestId, {
        kind: 'voice',
        key: voiceBlobKey(requestId),
        ...audio,
      });
    } catch (error) {
      this.deps.log.warn({ err: error, requestId }, 'could not record the voice message in the conversation');
    }
  }
}
