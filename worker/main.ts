import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { EXIT_CONFIG_ERROR, loadConfigAtStart } from '../server/config/load.js';
import { VOICE_QUEUE, bullPrefix } from './queues.js';

/**
 * Entry point of a BullMQ worker process. For now it only connects and stays ready: the voice
 * pipeline (transcribe, then score) lands with the voice-and-urgency issue. Its Redis connection
 * waits out outages (maxRetriesPerRequest: null), unlike the API's, which fails fast.
 */
async function main(): Promise<void> {
  const config = loadConfigAtStart();
  if (!config) process.exit(EXIT_CONFIG_ERROR);
  const log = pino({ level: config.logLevel, name: 'lifeline-worker' });
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => log.warn({ err: error }, 'redis connection error; retrying'));
  const worker = new Worker(VOICE_QUEUE, null, {
    connection,
    prefix: bullPrefix(config.keyPrefix),
    autorun: false,
  });
  worker.on('error', (error) => log.warn({ err: error }, 'worker error'));
  await worker.waitUntilReady();
  log.info({ queue: VOICE_QUEUE }, 'worker connected to Redis');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'worker shutting down');
    await worker.close();
    await connection.quit();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
