import type { Redis } from 'ioredis';
import type { WaitingRequest } from '../core/types.js';
import { asStrings } from './LuaScript.js';
import { ScriptedStore } from './ScriptedStore.js';
import {
  decodeDeclined,
  decodeRequest,
  encodeNewRequest,
  type NewRequest,
  type RequestRecord,
  type Transcript,
} from './records.js';

export type EnqueueResult = { status: 'OK' } | { status: 'FULL' } | { status: 'ACTIVE'; existingId: string };
export type OfferRelease = 'decline' | 'expire' | 'withdraw';
export interface ScriptOutcome {
  status: string;
  requestId?: string;
  agentId?: string;
}
export interface SessionEnd extends ScriptOutcome {
  startedAt?: number;
}
export interface WaitingClosed extends ScriptOutcome {
  previousState?: string;
  offerId?: string;
  sessionId?: string;
}

/** Requests, the queue, offers and sessions in Redis. No module outside routing reads these keys. */
export class RoutingStore extends ScriptedStore {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly retentionMs: number,
  ) {
    super(redis, prefix);
  }

  async enqueue(
    request: NewRequest,
    rank: number,
    maxWaiting: number,
    activeTtlMs: number,
  ): Promise<EnqueueResult> {
    const args = [request.id, request.userId, rank, maxWaiting, activeTtlMs, ...encodeNewRequest(request)];
    const [status, existingId] = asStrings(await this.run('enqueue', this.key('req', request.id), args));
    if (status === 'ACTIVE') return { status, existingId: existingId ?? '' };
    return { status: status === 'FULL' ? 'FULL' : 'OK' };
  }

  async getRequest(id: string): Promise<RequestRecord | null> {
    return decodeRequest(await this.redis.hgetall(this.key('req', id)));
  }

  /** 1-based place in the waiting line, or null when not waiting. */
  async position(requestId: string): Promise<number | null> {
    const rank = await this.redis.zrevrank(this.key('queue'), requestId);
    return rank === null ? null : rank + 1;
  }

  waitingCount(): Promise<number> {
    return this.redis.zcard(this.key('queue'));
  }

  /** Ids of waiting requests, most urgent first. */
  queueOrder(limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.key('queue'), 0, limit - 1);
  }

  async waitingHead(limit: number): Promise<WaitingRequest[]> {
    const ids = await this.queueOrder(limit);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids)
      pipeline.hmget(this.key('req', id), 'language', 'category', 'score', 'createdAt', 'declined');
    const rows = (await pipeline.exec()) ?? [];
    return ids.flatMap((id, i) => {
      const [language, category, score, createdAt, declined] = (rows[i]?.[1] ?? []) as (string | null)[];
      if (!language) return [];
      const base = {
        id,
        language,
        category: category ?? 'general',
        score: Number(score),
        createdAt: Number(createdAt),
      };
      return [{ ...base, declinedBy: decodeDeclined(declined ?? undefined) }];
    });
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

  async recordRating(requestId: string, stars: number): Promise<boolean> {
    const key = this.key('req', requestId);
    if (!(await this.redis.exists(key))) return false;
    await this.redis.hset(key, 'rating', stars);
    return true;
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

  /** The most urgent waiting requests with everything an agent's queue view shows. */
  async waitingDetails(limit: number): Promise<RequestRecord[]> {
    const ids = await this.queueOrder(limit);
    const records = await Promise.all(ids.map((id) => this.getRequest(id)));
    return records.filter((r): r is RequestRecord => r !== null);
  }

  async getSession(sessionId: string): Promise<Record<string, string> | null> {
    const hash = await this.redis.hgetall(this.key('session', sessionId));
    return hash.requestId ? hash : null;
  }

  async closeWaiting(
    requestId: string,
    now: number,
    reason: 'cancelled' | 'abandoned',
    requireGone: boolean,
  ) {
    const args = [requestId, now, reason, requireGone ? '1' : '0', this.retentionMs];
    const [status, second, offerId, agentId] = asStrings(
      await this.run('closeWaiting', this.key('req', requestId), args),
    );
    const closed: WaitingClosed = { status: status ?? 'GONE', requestId };
    if (status === 'ASSIGNED') closed.sessionId = second;
    if (status === 'CLOSED') Object.assign(closed, { previousState: second, offerId, agentId });
    return closed;
  }

  async userConnection(requestId: string, delta: 1 | -1, abandonDeadline: number): Promise<number> {
    return Number(
      await this.run('userConnection', this.key('req', requestId), [requestId, delta, abandonDeadline]),
    );
  }

  dueAbandons(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('abandon:deadline'), '-inf', now, 'LIMIT', 0, limit);
  }

  /** 'OK' for the first voice message of a live request, 'EXISTS' for a repeat, 'GONE' if no such request. */
  async claimVoice(requestId: string, contentType: string, durationSeconds: number): Promise<string> {
    return String(await this.run('claimVoice', this.key('req', requestId), [contentType, durationSeconds]));
  }

  /** Records a transcript on a request that still exists (a late job must not resurrect an expired one). */
  async setTranscript(requestId: string, transcript: Transcript): Promise<boolean> {
    const fields: Record<string, string> = { transcriptStatus: transcript.status };
    if (transcript.text !== undefined) fields.transcriptText = transcript.text;
    if (transcript.language) fields.transcriptLanguage = transcript.language;
    if (transcript.segments) fields.transcriptSegments = JSON.stringify(transcript.segments);
    const key = this.key('req', requestId);
    if (!(await this.redis.exists(key))) return false;
    await this.redis.hset(key, fields);
    return true;
  }

  /** Applies new urgency and re-ranks a waiting request; returns its state, or 'GONE'. */
  async rescore(
    requestId: string,
    rank: number,
    urgency: { score: number; level: string; category: string; sentiment: string; reasons: string[] },
  ) {
    const fields = [
      'score',
      urgency.score,
      'level',
      urgency.level,
      'category',
      urgency.category,
      'sentiment',
      urgency.sentiment,
      'reasons',
      JSON.stringify(urgency.reasons),
    ];
    return String(await this.run('rescore', this.key('req', requestId), [requestId, rank, ...fields]));
  }

  /** A user's earlier requests, newest first, with how each ended and the agent's outcome code. */
  async userHistory(userId: string, excludeId: string, limit: number) {
    const ids = (await this.redis.zrevrange(this.key('user-requests', userId), 0, limit)).filter(
      (id) => id !== excludeId,
    );
    const records = (await Promise.all(ids.map((id) => this.getRequest(id)))).filter(
      (r): r is RequestRecord => r !== null,
    );
    return Promise.all(
      records.slice(0, limit).map(async (r) => ({
        id: r.id,
        createdAt: r.createdAt,
        channel: r.channel,
        category: r.category,
        level: r.level,
        state: r.state,
        outcome: r.sessionId
          ? ((await this.redis.hget(this.key('session', r.sessionId), 'outcome')) ?? undefined) || undefined
          : undefined,
      })),
    );
  }

  /** A user's requests since a moment, newest first, with their categories (for repeat contacts). */
  async userRequestsSince(userId: string, since: number): Promise<{ id: string; category: string }[]> {
    const ids = await this.redis.zrevrangebyscore(this.key('user-requests', userId), '+inf', since);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.key('req', id), 'category');
    const rows = (await pipeline.exec()) ?? [];
    return ids.flatMap((id, i) => (rows[i]?.[1] ? [{ id, category: String(rows[i]![1]) }] : []));
  }

  async recentHandleSeconds(): Promise<number[]> {
    return (await this.redis.lrange(this.key('stats:handle-seconds'), 0, -1)).map(Number);
  }

  async abandonedTotal(): Promise<number> {
    return Number((await this.redis.hget(this.key('stats'), 'abandoned')) ?? 0);
  }
}
