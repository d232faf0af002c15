import type { Logger } from 'pino';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import { scoreUrgency } from '../../core/urgency/score.js';
import type { RedisClient } from '../../platform/redis/connect.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { SessionStore } from '../../platform/stores/SessionStore.js';
import type { WorkerConfig } from '../config.js';
import { WhisperCli } from '../whisper/WhisperCli.js';
import { CaptionsWorker } from './CaptionsWorker.js';
import { RoomAccess } from './roomAccess.js';
import { removeStaleAudio } from './staleAudio.js';

/**
 * The captions consumer when LIVE_CAPTIONS is on, else null. It has a whisper.cpp of its own: few
 * threads (captions run beside other calls' captions) and no temperature fallback, whose retries
 * would add latency to every hard utterance.
 */
export async function startCaptions(
  redis: RedisClient,
  config: Pick<WorkerConfig, 'keyPrefix' | 'retentionMs' | 'consumers' | 'captions' | 'whisper'>,
  log: Logger,
): Promise<CaptionsWorker | null> {
  if (!config.captions.enabled) return null;
  const stale = await removeStaleAudio();
  if (stale > 0) log.info({ stale }, 'removed caption audio a stopped worker left behind');
  // A caption later than this is no longer live: better dropped than late.
  const timeoutMs = Math.min(config.whisper.timeoutMs, 30_000);
  const whisper = new WhisperCli({
    ...config.whisper,
    threads: config.captions.whisperThreads,
    fallback: false,
    timeoutMs,
  });
  const sessions = new SessionStore(redis, config.keyPrefix, config.retentionMs);
  const requests = new QueueStore(redis, config.keyPrefix, config.retentionMs);
  const languageOf = async (sessionId: string) => {
    const requestId = (await sessions.getSession(sessionId))?.requestId;
    const record = requestId ? await requests.getRequest(requestId) : null;
    return record?.language ? primaryLanguage(record.language) : undefined;
  };
  const fallback = config.captions.fallbackLanguage === 'auto' ? undefined : config.captions.fallbackLanguage;
  const worker = new CaptionsWorker(
    redis,
    config,
    {
      access: new RoomAccess(config.captions.livekit),
      transcribe: (wav, language) => whisper.transcribe(wav, language ?? fallback),
      languageOf,
      sentimentOf: (text) => scoreUrgency({ text, tier: 'regular', repeatContacts: 0 }).sentiment,
      settings: config.captions,
      log,
    },
    log,
  );
  await worker.start();
  return worker;
}
