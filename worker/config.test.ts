import { describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config/env.js';
import { loadWorkerConfig, TEST_MODEL_FILE } from './config.js';

describe('loadWorkerConfig', () => {
  it('starts in production without any of the API secrets', () => {
    const config = loadWorkerConfig({ NODE_ENV: 'production', WHISPER_MODEL: '/models/ggml-base.bin' });
    expect(config.env).toBe('production');
    expect(config.whisper.model).toBe('/models/ggml-base.bin');
    expect(config).not.toHaveProperty('secrets');
  });

  it('refuses the generated test model in production, naming the variable', () => {
    expect(() => loadWorkerConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadWorkerConfig({ NODE_ENV: 'production', WHISPER_MODEL: `/x/${TEST_MODEL_FILE}` }),
    ).toThrow(/WHISPER_MODEL/);
  });

  it('uses the test model in development and reads the consumers’ concurrency', () => {
    const config = loadWorkerConfig({ SCORE_CONCURRENCY: '9', WORKER_CONCURRENCY: '2' });
    expect(config.whisper.model.endsWith(TEST_MODEL_FILE)).toBe(true);
    expect(config.consumers).toMatchObject({ scoreConcurrency: 9, transcribeConcurrency: 2 });
  });

  it('reads live captions off by default, and refuses them in production with the development LiveKit keys', () => {
    expect(loadWorkerConfig({}).captions).toMatchObject({
      enabled: false,
      whisperThreads: 2,
      silenceMs: 600,
    });
    const on = { NODE_ENV: 'production', WHISPER_MODEL: '/models/ggml-base.bin', LIVE_CAPTIONS: 'true' };
    expect(() => loadWorkerConfig(on)).toThrow(/LIVEKIT_API_KEY/);
    const keyed = { ...on, LIVEKIT_API_KEY: 'prod-key', LIVEKIT_API_SECRET: 'a-long-production-secret' };
    expect(loadWorkerConfig(keyed).captions).toMatchObject({
      enabled: true,
      livekit: { apiKey: 'prod-key' },
    });
  });

  it('rejects a malformed value with the variable named', () => {
    expect(() => loadWorkerConfig({ SCORE_CONCURRENCY: 'many' })).toThrow(/SCORE_CONCURRENCY/);
  });
});
