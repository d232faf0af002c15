import type { Redis } from 'ioredis';
import { asStrings } from './LuaScript.js';
import { ScriptedStore } from './ScriptedStore.js';

export type OfferRelease = 'decline' | 'expire' | 'withdraw';
export interface ScriptOutcome {
  status: string;
  requestId?: string;
  agentId?: string;
}
export interface SessionEnd extends ScriptOutcome {
  startedAt?: number;
}

/**
 * Offers and sessions. Claiming a request for an agent, accepting, releasing and ending are each
 * one Lua script, so one request never reaches two agents and one agent never exceeds capacity.
 */
export class SessionStore extends ScriptedStore {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly retentionMs: number,
  ) {
    super(redis, prefix);
  }

  async claimOffer(requestId: string, agentId: string, offerId: string, now: number, expiresAt: number) {
    return (
      (await this.run('claimOffer', this.key('req', requestId), [
        requestId,
        agentId,
        offerId,
        now,
        expiresAt,
      ])) === 1
    );
  }

  async acceptOffer(
    offerId: string,
    agentId: string,
    now: number,
    sessionId: string,
  ): Promise<ScriptOutcome> {
    const [status, requestId] = asStrings(
      await this.run('acceptOffer', this.key('offer', offerId), [offerId, agentId, now, sessionId]),
    );
    return { status: status ?? 'GONE', requestId };
  }

  async releaseOffer(offerId: string, now: number, mode: OfferRelease, agentId = ''): Promise<ScriptOutcome> {
    const reply = await this.run('releaseOffer', this.key('offer', offerId), [offerId, now, mode, agentId]);
    const [status, requestId, holder] = asStrings(reply);
    return { status: status ?? 'GONE', requestId, agentId: holder };
  }

  /** Offers an agent holds right now. */
  offersHeldBy(agentId: string): Promise<string[]> {
    return this.redis.smembers(this.key('agent-offers', agentId));
  }

  dueOffers(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('offers:deadline'), '-inf', now, 'LIMIT', 0, limit);
  }

  async endSession(sessionId: string, now: number, reason: string, outcome: string, requeue: boolean) {
    const args = [sessionId, now, reason, outcome, this.retentionMs, requeue ? '1' : '0'];
    const [status, requestId, agentId, startedAt] = asStrings(
      await this.run('endSession', this.key('session', sessionId), args),
    );
    return {
      status: status ?? 'GONE',
      requestId,
      agentId,
      startedAt: Number(startedAt),
    } satisfies SessionEnd;
  }

  /** The agent's outcome and note stay with the session record only: never in logs or job payloads. */
  async recordWrapUp(sessionId: string, wrapUp: { outcome?: string; note?: string }): Promise<void> {
    const fields = Object.entries(wrapUp).filter(([, value]) => value !== undefined) as [string, string][];
    if (fields.length > 0) await this.redis.hset(this.key('session', sessionId), Object.fromEntries(fields));
  }

  async getSession(sessionId: string): Promise<Record<string, string> | null> {
    const hash = await this.redis.hgetall(this.key('session', sessionId));
    return hash.requestId ? hash : null;
  }

  async activeSessions(): Promise<Record<string, string>[]> {
    const ids = await this.redis.smembers(this.key('sessions:active'));
    const sessions = await Promise.all(
      ids.map(async (id): Promise<Record<string, string>> => ({
        id,
        ...(await this.redis.hgetall(this.key('session', id))),
      })),
    );
    return sessions.filter((session) => session.state === 'active');
  }
}
