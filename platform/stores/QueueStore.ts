import type { Redis } from 'ioredis';
import type { WaitingCloseReason } from '../../core/protocol/vocabulary.js';
import type { WaitingRequest } from '../../core/routing/types.js';
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

/** What the voice pipeline may do to a request, in the API and in workers. */
export type VoiceRequests = Pick<QueueStore, 'getRequest' | 'claimVoice' | 'setTranscript' | 'rescore'>;

export type EnqueueResult = { status: 'OK' } | { status: 'FULL' } | { status: 'ACTIVE'; existingId: string };
export interface WaitingClosed {
  status: string;
  requestId?: string;
  agentId?: string;
  previousState?: string;
  offerId?: string;
  sessionId?: string;
}

/**
 * Help requests and the waiting line, ranked by urgency. Enqueue, close, re-rank and voice claims
 * are single Lua scripts, so instances never race on a request.
 */
export class QueueStore extends ScriptedStore {
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

  /** The most urgent waiting requests with everything an agent's queue view shows. */
  async waitingDetails(limit: number): Promise<RequestRecord[]> {
    const ids = await this.queueOrder(limit);
    const records = await Promise.all(ids.map((id) => this.getRequest(id)));
    return records.filter((r): r is RequestRecord => r !== null);
  }

  async closeWaiting(requestId: string, now: number, reason: WaitingCloseReason, requireGone: boolean) {
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
}
