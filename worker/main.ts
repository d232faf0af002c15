import { pino } from 'pino';
import { EventBus } from '../platform/bus/EventBus.js';
import { EXIT_CONFIG_ERROR } from '../platform/config/env.js';
import { connectRedis } from '../platform/redis/connect.js';
import { CaseRepository } from '../platform/db/CaseRepository.js';
import { connectDatabase } from '../platform/db/database.js';
import { TranscriptRepository } from '../platform/db/TranscriptRepository.js';
import { HistoryStore } from '../platform/stores/HistoryStore.js';
import { QueueStore } from '../platform/stores/QueueStore.js';
import { FileBlobStore } from '../platform/storage/FileBlobStore.js';
import { IncidentRepository } from '../platform/db/IncidentRepository.js';
import { IncidentTracker } from '../platform/urgency/IncidentTracker.js';
import { Incidents } from '../platform/urgency/Incidents.js';
import { UrgencyService } from '../platform/urgency/UrgencyService.js';
import { scoreUrgency } from '../core/urgency/score.js';
import { loadWorkerConfigAtStart } from './config.js';
import { VoiceWorkers } from './VoiceWorkers.js';
import { startCaptions } from './captions/startCaptions.js';
import { WhisperCli } from './whisper/WhisperCli.js';

/**
 * Entry point of a worker process: transcribes voice messages with whisper.cpp and scores them.
 * Its Redis connections wait out outages (maxRetriesPerRequest: null), unlike the API's, on one
 * server or a Redis Cluster alike.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfigAtStart();
  if (!config) process.exit(EXIT_CONFIG_ERROR);
  const log = pino({ level: config.logLevel, name: 'lifeline-worker' });
  const redis = connectRedis(config, 'wait-it-out');
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection error; retrying'));
  const requests = new QueueStore(redis, config.keyPrefix, config.retentionMs);
  const bus = new EventBus(redis, null, config.keyPrefix);
  const whisper = new WhisperCli(config.whisper);
  await whisper.assertReady();
  const db = connectDatabase(config.database);
  const urgency = new UrgencyService(
    scoreUrgency,
    new HistoryStore(redis, config.keyPrefix),
    new Incidents(
      new IncidentTracker(redis, config.keyPrefix, {
        windowMs: config.urgency.incidentWindowMs,
        minUsers: config.urgency.incidentMinUsers,
      }),
      new IncidentRepository(db),
      { windowMs: config.urgency.incidentWindowMs },
      (error) =>
        log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'could not record an incident in the database',
        ),
    ),
    config.urgency,
  );
  const deps = {
    cases: new CaseRepository(db),
    transcripts: new TranscriptRepository(db),
    onRecordFailure: (error: unknown) =>
      log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'could not record urgency or a transcript in the database',
      ),
    requests,
    bus,
    whisper,
    urgency,
    blobs: new FileBlobStore(config.voiceDir),
    agingPointsPerMinute: config.agingPointsPerMinute,
  };
  const workers = new VoiceWorkers(redis, config, deps, log);
  await workers.start();
  const captions = await startCaptions(redis, config, log);
  log.info(
    {
      whisperThreads: config.whisper.threads,
      concurrency: config.consumers.transcribeConcurrency,
      captions: config.captions.enabled ? config.captions.concurrency : 0,
    },
    'worker connected and consuming',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'worker draining: finishing jobs in flight');
    await Promise.all([workers.close(), captions?.close()]);
    await redis.quit();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
