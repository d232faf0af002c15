import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { VideoAccepted, VideoClip } from '../../core/protocol/helpRequests.js';
import { publishVoiceProgress } from '../../platform/jobs/progress.js';
import { transcribeJobId, videoBlobKey, videoThumbnailKey } from '../../platform/jobs/queues.js';
import type { VideoRequests } from '../../platform/stores/QueueStore.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import { extractThumbnail, probeVideo, type VideoProbe } from '../../platform/video/ffmpeg.js';
import { VideoUnsupportedError } from '../../platform/video/VideoUnsupportedError.js';
import type { Principal } from '../auth/principal.js';
import { OPEN_STATES, type RecordingDeps } from '../voice/recordings.js';
import { clipOf } from './clip.js';

/** Wide enough for a card in the agent console, a few kilobytes to fetch with each offer. */
export const THUMBNAIL_WIDTH = 320;

export type VideoFeedbackDeps = RecordingDeps<VideoRequests>;

/**
 * A user's video feedback: the request's recorded message in video form. It rides the voice
 * pipeline (one claim per request, transcribe → score on its audio track), keeps a thumbnail,
 * and becomes a line of the conversation that carries the clip, read with the conversation's rights.
 */
export class VideoFeedbackService {
  constructor(private readonly deps: VideoFeedbackDeps) {}

  async upload(
    principal: Principal,
    requestId: string,
    contentType: string,
    bytes: Buffer,
  ): Promise<VideoAccepted> {
    if (principal.kind !== 'user' || principal.requestId !== requestId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may send it a video');
    const record = await this.deps.requests.getRequest(requestId);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    if (!OPEN_STATES.has(record.state)) throw new LifelineError('LIFELINE_REQUEST_CLOSED');
    if (record.voice) return accepted(record);
    const { probe, thumbnail } = await this.inspect(bytes);
    const { blobs, requests } = this.deps;
    await blobs.put(videoBlobKey(requestId), bytes, contentType);
    await blobs.put(videoThumbnailKey(requestId), thumbnail, 'image/jpeg');
    const { width, height, hasAudio } = probe;
    const seconds = Math.round(probe.durationSeconds * 10) / 10;
    const claim = await requests.claimVideo(requestId, contentType, seconds, { width, height, hasAudio });
    if (claim === 'GONE') throw new LifelineError('LIFELINE_NOT_FOUND');
    if (claim !== 'OK') return accepted((await requests.getRequest(requestId)) ?? record);
    const jobId = await this.deps.jobs.enqueue(requestId);
    await publishVoiceProgress(this.deps.bus, record, { status: 'queued', transcript: 'pending' });
    const video: VideoClip = { seconds, contentType, width, height, hasAudio };
    await this.addToConversation(principal, requestId, video);
    return { jobId, durationSeconds: seconds, video };
  }

  async clip(principal: Principal, requestId: string) {
    return this.file(principal, requestId, videoBlobKey(requestId));
  }

  async thumbnail(principal: Principal, requestId: string) {
    return this.file(principal, requestId, videoThumbnailKey(requestId));
  }

  private async file(principal: Principal, requestId: string, key: string) {
    await this.deps.conversations.assertParticipant(principal, requestId);
    const blob = await this.deps.blobs.get(key);
    if (!blob) throw new LifelineError('LIFELINE_NOT_FOUND', 'This request has no video');
    return blob;
  }

  /** ffprobe and one decoded frame vet the bytes before anything is stored or queued. */
  private async inspect(bytes: Buffer): Promise<{ probe: VideoProbe; thumbnail: Buffer }> {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-video-'));
    try {
      const file = join(dir, 'upload');
      await writeFile(file, bytes);
      const probe = await probeVideo(file);
      if (probe.durationSeconds > this.deps.limits.maxSeconds)
        throw new LifelineError(
          'LIFELINE_VIDEO_TOO_LONG',
          `Videos may be at most ${this.deps.limits.maxSeconds} s`,
        );
      const thumbnail = await extractThumbnail(file, join(dir, 'thumbnail.jpg'), {
        durationSeconds: probe.durationSeconds,
        width: THUMBNAIL_WIDTH,
      });
      return { probe, thumbnail };
    } catch (error) {
      if (error instanceof VideoUnsupportedError)
        throw new LifelineError('LIFELINE_VIDEO_UNSUPPORTED', undefined, { cause: error });
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The clip's line in the system of record, written after the claim like other recorded
   * changes: a failed write is logged and does not undo the accepted upload.
   */
  private async addToConversation(principal: Principal, requestId: string, clip: VideoClip) {
    const keys = { key: videoBlobKey(requestId), thumbnailKey: videoThumbnailKey(requestId) };
    try {
      await this.deps.conversations.attach(principal, requestId, { kind: 'video', ...keys, ...clip });
    } catch (error) {
      this.deps.log.warn({ err: error, requestId }, 'could not record the video in the conversation');
    }
  }
}

/** A repeat upload is the same work; a request that holds a voice message takes no video. */
function accepted(record: RequestRecord): VideoAccepted {
  const video = clipOf(record);
  if (!video)
    throw new LifelineError('LIFELINE_RECORDING_EXISTS', 'This request already has a voice message');
  return { jobId: transcribeJobId(record.id), durationSeconds: video.seconds, video };
}
