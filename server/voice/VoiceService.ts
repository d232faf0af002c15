import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../auth/principal.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { VoiceRequests } from '../../platform/stores/QueueStore.js';
import type { BlobStore } from '../../platform/storage/BlobStore.js';
import { AudioUnsupportedError, probeAudio } from '../../platform/audio/ffmpeg.js';
import { publishVoiceProgress } from '../../platform/jobs/progress.js';
import { transcribeJobId, voiceBlobKey, type VoiceJobs } from '../../platform/jobs/queues.js';

const OPEN_STATES = new Set(['queued', 'offered', 'assigned']);

/** A request's voice message: accepted from its own user, played to the agent it is offered or assigned to. */
export class VoiceService {
  constructor(
    private readonly requests: VoiceRequests,
    private readonly blobs: BlobStore,
    private readonly jobs: VoiceJobs,
    private readonly bus: EventBus,
    private readonly limits: { maxSeconds: number },
  ) {}

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
    const record = await this.requests.getRequest(requestId);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    if (!OPEN_STATES.has(record.state)) throw new LifelineError('LIFELINE_REQUEST_CLOSED');
    if (record.video)
      throw new LifelineError('LIFELINE_RECORDING_EXISTS', 'This request already has a video');
    if (record.voice) return { jobId: transcribeJobId(requestId), durationSeconds: record.voice.seconds };
    const durationSeconds = await this.probe(bytes);
    if (durationSeconds > this.limits.maxSeconds)
      throw new LifelineError(
        'LIFELINE_AUDIO_TOO_LONG',
        `Voice messages may be at most ${this.limits.maxSeconds} s`,
      );
    await this.blobs.put(voiceBlobKey(requestId), bytes, contentType);
    const claim = await this.requests.claimVoice(
      requestId,
      contentType,
      Math.round(durationSeconds * 10) / 10,
    );
    if (claim === 'GONE') throw new LifelineError('LIFELINE_NOT_FOUND');
    const jobId = await this.jobs.enqueue(requestId);
    if (claim === 'OK')
      await publishVoiceProgress(this.bus, record, { status: 'queued', transcript: 'pending' });
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

  async playback(principal: Principal, requestId: string): Promise<{ bytes: Buffer; contentType: string }> {
    const record = await this.requests.getRequest(requestId);
    const agentId = principal.kind === 'agent' ? principal.agentId : null;
    if (!record || !agentId || (record.offerAgentId !== agentId && record.agentId !== agentId))
      throw new LifelineError(
        'LIFELINE_FORBIDDEN',
        'Only the agent offered or serving this request may play it',
      );
    const blob = record.voice && !record.video ? await this.blobs.get(voiceBlobKey(requestId)) : null;
    if (!blob) throw new LifelineError('LIFELINE_NOT_FOUND', 'This request has no voice message');
    return blob;
  }
}
