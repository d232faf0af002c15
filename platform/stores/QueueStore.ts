import type { RedisClient } from '../redis/connect.js';
import type { WaitingCloseReason } from '../../core/protocol/vocabulary.js';
import { plainPlacement, type Placement } from '../../core/routing/policy/placement.js';
import { asStrings } from './LuaScript.js';
import { encodePlacement } from './placementFields.js';
import { ScriptedStore } from './ScriptedStore.js';
import { decodeRoute, type Route, type Standing } from './standing.js';

export type { Route, Standing } from './standing.js';
import {
  decodeRequest,
  encodeQueuedRequest,
  type NewRequest,
  type RequestRecord,
  type Transcript,
  type VideoExtras,
} from './records.js';

/** What the voice pipeline may do to a request, in the API and in workers. */
export type VoiceRequests = Pick<QueueStore, 'getRequest' | 'claimVoice' | 'setTranscript' | 'rescore'>;
/** What a video upload may do to a request. */
export type VideoRequests = Pick<QueueStore, 'getRequest' | 'claimVideo'>;

/** An open case as the rebuild restores it: a reopened follow-up keeps its task and reservation. */
export interface RestoredCase {
  request: NewRequest;
  rank: number;
  followUp?: { taskId: string; reservedFor: string; reservedUntil: number };
  /** Its user chose to be called back: it keeps its place with no socket, as before the loss. */
  callback?: true;
}

export type EnqueueResult =
  /** `position`: its 1-based place on its first route as it joined. */
  | { status: 'OK'; position: number; route: Route }
  | { status: 'FULL' }
  | { status: 'ACTIVE'; existingId: string };
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
    redis: RedisClient,
    prefix: string,
    private readonly retentionMs: number,
    /** Where a request joining the line is placed: a routing policy's queue, or its language and category. */
    private readonly placeNew: (request: NewRequest) => Placement = plainPlacement,
  ) {
    super(redis, prefix);
  }

  private fieldsOf(request: NewRequest): string[] {
    return [...encodeQueuedRequest(request), ...encodePlacement(this.placeNew(request))];
  }

  /** Queues a request on its route; its abandon clock runs until its user's first socket opens. */
  async enqueue(
    request: NewRequest,
    rank: number,
    limits: { maxWaiting: number; activeTtlMs: number; abandonAt: number },
  ): Promise<EnqueueResult> {
    const { maxWaiting, activeTtlMs, abandonAt } = limits;
    const fields = this.fieldsOf(request);
    const args = [request.id, request.userId, rank, maxWaiting, activeTtlMs, abandonAt, ...fields];
    const [status, second, routes] = asStrings(await this.run('enqueue', this.key('req', request.id), args));
    if (status === 'ACTIVE') return { status, existingId: second ?? '' };
    if (status === 'FULL') return { status };
    return { status: 'OK', position: Number(second ?? 0) + 1, route: decodeRoute(routes) };
  }

  /**
   * Puts open cases from the system of record back after Redis lost the queue, all in one round
   * trip, each with its stored rank and, for a reopened follow-up, its reservation; see RESTORE.
   * Returns, per case, whether it was restored ('OK') or found in the queue already ('OPEN').
   */
  async restore(
    cases: readonly RestoredCase[],
    limits: { activeTtlMs: number; abandonAt: number },
  ): Promise<('OK' | 'OPEN')[]> {
    if (cases.length === 0) return [];
    const args: (string | number)[] = [limits.activeTtlMs, limits.abandonAt];
    for (const { request, rank, followUp, callback } of cases) {
      const fields = this.fieldsOf(request);
      if (callback) fields.push('callback', 'waiting');
      const { taskId, reservedFor, reservedUntil } = followUp ?? {};
      if (taskId)
        fields.push('followUp', taskId, 'reservedFor', `${reservedFor}`, 'reservedUntil', `${reservedUntil}`);
      args.push(request.id, request.userId, rank, fields.length, ...fields);
    }
    const statuses = asStrings(await this.run('restore', this.key('queue'), args));
    return statuses.map((status) => (status === 'OPEN' ? 'OPEN' : 'OK'));
  }

  /**
   * Puts a closed case back in the line for a task, reserved for an agent until a time (none:
   * anyone eligible). Idempotent per task; see REOPEN.
   */
  async reopen(
    request: NewRequest,
    rank: number,
    terms: { taskId: string; reservedFor: string | null; reservedUntil: number; activeTtlMs: number },
  ): Promise<'OK' | 'DONE' | 'OPEN'> {
    const fields = this.fieldsOf(request);
    const { taskId, reservedFor, reservedUntil, activeTtlMs } = terms;
    const args = [
      request.id,
      request.userId,
      rank,
      taskId,
      reservedFor ?? '',
      reservedUntil,
      activeTtlMs,
      ...fields,
    ];
    const status = String(await this.run('reopen', this.key('req', request.id), args));
    return status === 'DONE' || status === 'OPEN' ? status : 'OK';
  }

  async getRequest(id: string): Promise<RequestRecord | null> {
    return decodeRequest(await this.redis.hgetall(this.key('req', id)));
  }

  /** Where a request stands, in one round trip: see `standings`. */
  async standing(requestId: string): Promise<Standing> {
    const [one] = await this.standings([requestId]);
    return one ?? { position: null, state: null, route: { keys: [] } };
  }

  /**
   * Where each of these requests stands, in one round trip: its 1-based place among the requests
   * on its first route (null if not waiting), its state (null if gone) and its routes.
   */
  async standings(requestIds: readonly string[]): Promise<Standing[]> {
    if (requestIds.length === 0) return [];
    const flat = asStrings(await this.run('standings', this.key('queue'), [...requestIds]));
    return requestIds.map((_, i) => {
      const [rank, state, routes] = flat.slice(i * 3, i * 3 + 3);
      return {
        position: Number(rank) >= 0 ? Number(rank) + 1 : null,
        state: state || null,
        route: decodeRoute(routes),
      };
    });
  }

  /** Drops closed requests' hot copies for good (erasure): the hash and its socket register. */
  async forget(requestIds: readonly string[]): Promise<void> {
    if (requestIds.length === 0) return;
    await this.redis.del(...requestIds.flatMap((id) => [this.key('req', id), this.key('req-sockets', id)]));
  }

  /** Whether this Redis still holds the queue it was built with (absent after FLUSHALL or a restart without persistence). */
  async hasEpoch(): Promise<boolean> {
    return (await this.redis.exists(this.key('queue-epoch'))) === 1;
  }

  /** One instance at a time rebuilds the queue; the claim lapses if that instance dies. */
  async claimRebuild(ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key('queue-rebuild'), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Keeps this instance's claim on the rebuild while it is still at work. */
  async holdRebuild(ttlMs: number): Promise<void> {
    await this.redis.pexpire(this.key('queue-rebuild'), ttlMs);
  }

  async markBuilt(now: number): Promise<void> {
    await this.redis.set(this.key('queue-epoch'), String(now));
    await this.redis.del(this.key('queue-rebuild'));
  }

  waitingCount(): Promise<number> {
    return this.redis.zcard(this.key('queue'));
  }

  /** Ids of waiting requests, most urgent first. */
  queueOrder(limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.key('queue'), 0, limit - 1);
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

  dueAbandons(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('abandon:deadline'), '-inf', now, 'LIMIT', 0, limit);
  }

  /** 'OK' for the first voice message of a live request, 'EXISTS' for a repeat, 'GONE' if no such request. */
  async claimVoice(requestId: string, contentType: string, durationSeconds: number): Promise<string> {
    return String(await this.run('claimVoice', this.key('req', requestId), [contentType, durationSeconds]));
  }

  /** As claimVoice, for a video clip: its picture's size and whether it has sound come with the claim. */
  async claimVideo(
    requestId: string,
    contentType: string,
    durationSeconds: number,
    video: VideoExtras,
  ): Promise<string> {
    const extras = [
      'videoWidth',
      video.width,
      'videoHeight',
      video.height,
      'videoAudio',
      video.hasAudio ? 1 : 0,
    ];
    return String(
      await this.run('claimVoice', this.key('req', requestId), [contentType, durationSeconds, ...extras]),
    );
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
  /** Applies the voice message's urgency; `scoredAt` lets a reconnecting user be told it is done. */
  async rescore(
    requestId: string,
    rank: number,
    urgency: { score: number; level: string; category: string; sentiment: string; reasons: string[] },
    scoredAt: number,
  ) {
    const fields = [
      'scoredAt',
      scoredAt,
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
