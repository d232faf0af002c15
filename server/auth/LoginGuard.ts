import { createHash } from 'node:crypto';
import type { RedisClient } from '../../platform/redis/connect.js';
import { LifelineError } from '../../core/errors/LifelineError.js';

export interface LoginLimits {
  failuresBeforeLock: number;
  failureWindowMs: number;
  lockBaseMs: number;
  lockMaxMs: number;
}

/**
 * One script for both steps, so a lock is decided atomically however many instances and
 * concurrent tries race. 'begin' charges the try before the password is checked: a burst of
 * parallel guesses cannot all slip past the count while their hashes are being computed.
 * 'failed' locks once the charged tries reach the threshold. Returns the lock's remaining ms, or 0.
 * KEYS: failures, lock, level. ARGV: step, threshold, windowMs, baseMs, maxMs.
 */
const STEP = `
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then return locked end
local threshold = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
if ARGV[1] == 'begin' then
  local tries = redis.call('INCR', KEYS[1])
  if tries == 1 then redis.call('PEXPIRE', KEYS[1], window) end
  if tries <= threshold then return 0 end
elseif tonumber(redis.call('GET', KEYS[1]) or '0') < threshold then
  return 0
end
local level = tonumber(redis.call('GET', KEYS[3]) or '0')
local delay = math.floor(math.min(tonumber(ARGV[4]) * 2 ^ level, tonumber(ARGV[5])))
redis.call('SET', KEYS[2], '1', 'PX', delay)
redis.call('SET', KEYS[3], math.min(level + 1, 40), 'PX', delay + window)
redis.call('DEL', KEYS[1])
return delay
`;

/**
 * Backoff on one account after repeated failed logins, whatever address they come from. Owns
 * `login:*`. Accounts are keyed by a hash of the normalised email and unknown emails are
 * counted like known ones, so neither the keys nor the answers tell whether an account exists.
 * A success clears the account; a lock lasts `lockBaseMs`, doubling with each further lock up to
 * `lockMaxMs`, and is forgotten one failure window after the last lock ends.
 */
export class LoginGuard {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
  ) {}

  /** Runs `verify` unless the account is locked; counts the outcome. Null means wrong credentials. */
  async attempt<T>(email: string, verify: () => Promise<T | null>): Promise<T | null> {
    const keys = this.keys(email);
    const lockedMs = await this.step(keys, 'begin');
    if (lockedMs > 0)
      throw new LifelineError('LIFELINE_RATE_LIMITED', 'Too many failed logins; try again later', {
        details: { retryAfterSeconds: Math.ceil(lockedMs / 1000) },
      });
    const result = await verify();
    if (result) await this.redis.del(...keys);
    else await this.step(keys, 'failed');
    return result;
  }

  private keys(email: string): [string, string, string] {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
    const base = `${this.prefix}login:${account}`;
    return [`${base}:failures`, `${base}:lock`, `${base}:level`];
  }

  private async step(keys: [string, string, string], step: 'begin' | 'failed'): Promise<number> {
    const { failuresBeforeLock, failureWindowMs, lockBaseMs, lockMaxMs } = this.limits;
    const result = await this.redis.eval(
      STEP,
      keys.length,
      ...keys,
      step,
      failuresBeforeLock,
      failureWindowMs,
      lockBaseMs,
      lockMaxMs,
    );
    return Number(result);
  }
}
