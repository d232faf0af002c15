import type { RedisClient } from '../redis/connect.js';
import { asStrings } from './LuaScript.js';
import { decodeRequest, type RequestRecord } from './records.js';
import { ScriptedStore } from './ScriptedStore.js';

/** The terms of one offer claim: when, for how long, the decline cooldown and the index depth. */
export interface OfferTerms {
  now: number;
  offerId: string;
  expiresAt: number;
  cooldownMs: number;
  depth: number;
  /** While no more agents than this are free, they take critical requests only (0: no reserve). */
  criticalReserve?: number;
}

const termsOf = (offer: OfferTerms) => [
  offer.now,
  offer.cooldownMs,
  offer.offerId,
  offer.expiresAt,
  offer.depth,
  offer.criticalReserve ?? 0,
];

/** What a claim offered to whom, with the request as it stood, read in the same script. */
export interface ClaimedOffer {
  agentId: string;
  record: RequestRecord;
}

/** The flat field/value list a script returned after its status, as a request record. */
function claimedRecord(fields: string[]): RequestRecord | null {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) hash[fields[i]!] = fields[i + 1]!;
  return decodeRequest(hash);
}

export type OfferRelease = 'decline' | 'expire' | 'withdraw';
export interface ScriptOutcome {
  status: string;
  requestId?: string;
  agentId?: string;
}
export interface SessionEnd extends ScriptOutcome {
  startedAt?: number;
  /** An agent invited to consult on the session, whose slot the end gave back. */
  consultedAgentId?: string;
}

/**
 * Offers and sessions. Claiming a request for an agent, accepting, releasing and ending are each
 * one Lua script, so one request never reaches two agents and one agent never exceeds capacity.
 */
export class SessionStore extends ScriptedStore {
  constructor(
    redis: RedisClient,
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

  /**
   * Offers a waiting request to the most deserving free agent on its route, or that agent a more
   * urgent request it serves. Reads at most `depth` entries of any index.
   */
  async offerToFreeAgent(requestId: string, offer: OfferTerms): Promise<ClaimedOffer | null> {
    const args = [requestId, ...termsOf(offer)];
    const [status, agentId, , ...fields] = asStrings(
      await this.run('offerToFreeAgent', this.key('req', requestId), args),
    );
    const record = claimedRecord(fields);
    return status === 'OK' && agentId && record ? { agentId, record } : null;
  }

  /** Offers an agent with a spare slot the most urgent request on its routes. */
  async offerBestRequest(agentId: string, offer: OfferTerms): Promise<ClaimedOffer | null> {
    const args = [agentId, ...termsOf(offer)];
    const [status, , ...fields] = asStrings(
      await this.run('offerBestRequest', this.key('presence', agentId), args),
    );
    const record = claimedRecord(fields);
    return status === 'OK' && record ? { agentId, record } : null;
  }

  /** An outstanding offer: which request, to whom, until when. */
  async getOffer(offerId: string): Promise<{ requestId: string; agentId: string; expiresAt: number } | null> {
    const hash = await this.redis.hgetall(this.key('offer', offerId));
    if (!hash.requestId || !hash.agentId) return null;
    return { requestId: hash.requestId, agentId: hash.agentId, expiresAt: Number(hash.expiresAt) };
  }

  /** The sessions an agent is serving right now. */
  sessionsOf(agentId: string): Promise<string[]> {
    return this.redis.smembers(this.key('agent-sessions', agentId));
  }

  /** `ringBy`: when the sweep rings a callback user if the accepting instance has not (see ACCEPT_OFFER). */
  async acceptOffer(
    offerId: string,
    agentId: string,
    now: number,
    sessionId: string,
    ringBy: number,
  ): Promise<ScriptOutcome> {
    const args = [offerId, agentId, now, sessionId, ringBy];
    const [status, requestId] = asStrings(await this.run('acceptOffer', this.key('offer', offerId), args));
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
    const [status, requestId, agentId, startedAt, consulted] = asStrings(
      await this.run('endSession', this.key('session', sessionId), args),
    );
    return {
      status: status ?? 'GONE',
      requestId,
      agentId,
      startedAt: Number(startedAt),
      consultedAgentId: consulted || undefined,
    } satisfies SessionEnd;
  }

  /** The agent's outcome and note stay with the session record only: never in logs or job payloads. */
  async recordWrapUp(sessionId: string, wrapUp: { outcome?: string; note?: string }): Promise<void> {
    const fields = Object.entries(wrapUp).filter(([, value]) => value !== undefined) as [string, string][];
    if (fields.length > 0) await this.redis.hset(this.key('session', sessionId), Object.fromEntries(fields));
  }

  /** Marks an active conversation as holding a live call; false if it already did or is not active. */
  async markCall(sessionId: string, media: 'audio' | 'video'): Promise<boolean> {
    const key = this.key('session', sessionId);
    if ((await this.redis.hget(key, 'state')) !== 'active') return false;
    return (await this.redis.hsetnx(key, 'call', media)) === 1;
  }

  /** The conversation's live call is over; false if it held none. */
  async clearCall(sessionId: string): Promise<boolean> {
    return (await this.redis.hdel(this.key('session', sessionId), 'call')) === 1;
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
