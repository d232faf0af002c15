import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

const prodSecrets = {
  NODE_ENV: 'production',
  LIFELINE_ADMIN_TOKEN: 'a'.repeat(32),
  LIFELINE_SECRET: 'b'.repeat(40),
  LIFELINE_PLATFORM_SECRET: 'c'.repeat(32),
  LIVEKIT_API_KEY: 'prodkey',
  LIVEKIT_API_SECRET: 'prod-secret-value',
};

describe('loadConfig', () => {
  it('applies defaults and generates secrets in development, naming them', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.routing.offerTimeoutMs).toBe(20_000);
    expect(config.generatedSecrets).toEqual([
      'LIFELINE_ADMIN_TOKEN',
      'LIFELINE_SECRET',
      'LIFELINE_PLATFORM_SECRET',
    ]);
    expect(config.secrets.signing.length).toBeGreaterThanOrEqual(32);
  });

  it('converts numbers and honours the Redis URL as given', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://10.0.0.5:6380/4',
      OFFER_TIMEOUT_MS: '5000',
    });
    expect(config.port).toBe(8080);
    expect(config.redisUrl).toBe('redis://10.0.0.5:6380/4');
    expect(config.routing.offerTimeoutMs).toBe(5000);
  });

  it('starts in production with only the documented variables', () => {
    const config = loadConfig(prodSecrets);
    expect(config.generatedSecrets).toEqual([]);
    expect(config.secrets.admin).toBe('a'.repeat(32));
  });

  it('refuses production without secrets and lists each one', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('LIFELINE_SECRET');
      expect(problems).toContain('LIFELINE_PLATFORM_SECRET');
      expect(problems).toContain('LIVEKIT_API_KEY');
    }
  });

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LIVEKIT_TOKEN_TTL_SECONDS: '3600' })).toThrow(/LIVEKIT_TOKEN_TTL_SECONDS/);
    expect(() => loadConfig({ LIFELINE_SECRET: 'short' })).toThrow(/LIFELINE_SECRET/);
  });

  it('reads the login backoff and refuses a longest lock shorter than the first', () => {
    const config = loadConfig({ LOGIN_FAILURES_BEFORE_LOCK: '3', LOGIN_LOCK_BASE_MS: '200' });
    expect(config.login).toEqual({
      failuresBeforeLock: 3,
      failureWindowMs: 15 * 60_000,
      lockBaseMs: 200,
      lockMaxMs: 15 * 60_000,
    });
    expect(() => loadConfig({ LOGIN_LOCK_BASE_MS: '60000', LOGIN_LOCK_MAX_MS: '1000' })).toThrow(
      /LOGIN_LOCK_MAX_MS/,
    );
  });
});
