import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import type { EventBus } from '../../platform/bus/EventBus.js';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import type { VoiceRequests } from '../../platform/stores/QueueStore.js';
import type { BlobStore } from '../../platform/storage/BlobStore.js';
import { AudioUnsupportedError, decodeToWav16k } from '../../platform/audio/ffmpeg.js';
import { videoBlobKey, voiceBlobKey, type VoiceJobData } from '../../platform/jobs/queues.js';
import type { WhisperCli } from '../whisper/WhisperCli.js';
import { publishVoiceProgress } from '../../platform/jobs/progress.js';

export interface TranscribeDeps {
  requests: VoiceRequests;
  blobs: BlobStore;
  whisper: WhisperCli;
  bus: EventBus;
}

/**
 * Decodes the voice message (or a video clip's audio track) to 16 kHz mono and runs whisper.cpp
 * on it. Bad audio or a vanished request cannot get better with retries; everything else (a
 * timeout, a crash) is retried.
 * The return value is stored by BullMQ, so it holds counts only, never the words.
 */
export async function transcribe(job: Job<VoiceJobData>, deps: TranscribeDeps) {
  const { requestId } = job.data;
  const record = await deps.requests.getRequest(requestId);
  if (!record) throw new UnrecoverableError('request no longer exists');
  // A video clip goes through the same steps: ffmpeg decodes its audio track and drops the picture.
  const source = await deps.blobs.pathOf(record.video ? videoBlobKey(requestId) : voiceBlobKey(requestId));
  if (!source) throw new UnrecoverableError('voice message is missing from the blob store');
  if (record.video && !record.video.hasAudio) {
    // A silent clip is accepted with nothing to transcribe: scoring runs on what is known.
    await deps.requests.setTranscript(requestId, { status: 'failed' });
    return { whisperMs: 0, characters: 0, segments: 0, silent: true };
  }
  await publishVoiceProgress(deps.bus, record, { status: 'transcribing', transcript: 'pending' });
  const workDir = await mkdtemp(join(tmpdir(), 'lifeline-voice-'));
  try {
    const wav = join(workDir, 'audio.wav');
    try {
      await decodeToWav16k(source, wav);
    } catch (error) {
      if (error instanceof AudioUnsupportedError) throw new UnrecoverableError(error.message);
      throw error;
    }
    await job.updateProgress(30);
    const started = performance.now();
    const transcript = await deps.whisper.transcribe(wav, primaryLanguage(record.language));
    const whisperMs = Math.round(performance.now() - started);
    await deps.requests.setTranscript(requestId, {
      status: 'done',
      ...transcript,
      language: transcript.language ?? undefined,
    });
    return {
      whisperMs,
      characters: transcript.text.length,
      segments: transcript.segments.length,
      language: transcript.language,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
