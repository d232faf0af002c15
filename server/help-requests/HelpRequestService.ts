import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth/PlatformIdentity.js';
import type { LifelineTokens } from '../auth/LifelineTokens.js';
import type { Principal } from '../auth/principal.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { queueRank } from '../../core/routing/priority.js';
import { requestLanguage } from '../../core/language/requestLanguage.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { RoutingDeps } from '../routing/deps.js';
import {
  CONNECTING,
  WITH_ASSISTANT,
  type QueuePositions,
  type QueueSnapshot,
} from '../routing/QueuePositions.js';
import type { Assistant } from '../assistant/Assistant.js';
import type { KbHit } from '../../core/protocol/kb.js';
import { LEASE_GONE, type SocketRef } from '../../platform/stores/PresenceStore.js';
import type { NewRequest, RequestRecord } from '../../platform/stores/records.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { WaitingCloseReason } from '../../core/protocol/vocabulary.js';
import type { CreateHelpRequestBody } from '../../core/protocol/helpRequests.js';
import type { TranscriptRepository } from '../../platform/db/TranscriptRepository.js';

/** How many abandoned requests one sweep closes. */
const ABANDON_BATCH = 200;

export interface CreatedHelpRequest extends QueueSnapshot {
  id: string;
  accessToken: string;
  /** True when an open case was handed back rather than a new one made. */
  resumed?: boolean;
}

/** A user's help request from creation to close: scoring, queueing, cancel, and presence. */
export class HelpRequestService {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly tokens: LifelineTokens,
    private readonly urgency: UrgencyService,
    private readonly positions: QueuePositions,
    private readonly dispatcher: Dispatcher,
    private readonly sessions: SessionService,
    /** Settled transcripts in the system of record, for a hot record rebuilt without one. */
    private readonly transcripts: Pick<TranscriptRepository, 'get'>,
    /** The assistant, which answers text requests first; none: every request goes to a person. */
    private readonly frontDoor?: Pick<Assistant, 'firstLook' | 'take'>,
  ) {}

  async create(identity: Identity, body: CreateHelpRequestBody): Promise<CreatedHelpRequest> {
    const { queue, now, settings, metrics } = this.deps;
    if (body.channel === 'text' && !body.text?.trim())
      throw new LifelineError('LIFELINE_VALIDATION', 'A text request needs a non-empty text');
    const id = randomUUID();
    const createdAt = now();
    const { language, statedLanguage } = settings.languageFromText
      ? requestLanguage(body.text, body.language)
      : { language: body.language, statedLanguage: undefined };
    const urgency = await this.urgency.assess({
      requestId: id,
      userId: identity.sub,
      tier: identity.tier,
      text: body.text,
      language,
      categoryHint: body.category,
      createdAt,
      newCase: true,
    });
    const asked: NewRequest = {
      id,
      userId: identity.sub,
      userName: identity.name,
      tier: identity.tier,
      channel: body.channel,
      media: body.channel === 'call' ? (body.media ?? 'audio') : undefined,
      language,
      ...(statedLanguage && { statedLanguage }),
      category: urgency.category,
      text: body.text,
      score: urgency.score,
      level: urgency.level,
      reasons: urgency.reasons,
      sentiment: urgency.sentiment,
      stream: body.stream,
      createdAt,
    };
    const look = (await this.frontDoor?.firstLook(asked, body.assistant !== false)) ?? null;
    const request = look?.kind === 'handoff' ? { ...asked, handoffReason: look.reason } : asked;
    const rank = queueRank(request.score, request.createdAt, settings.agingPointsPerMinute);
    // The system of record first: a case the queue holds always exists in PostgreSQL.
    const held = look?.kind === 'answer' ? look.articles : null;
    await this.deps.cases.open(request, rank, urgency.incidentIds, held ? 'assistant' : 'queued');
    if (held) return this.heldByAssistant(request, rank, held);
    const result = await queue
      .enqueue(request, rank, {
        maxWaiting: settings.maxWaiting,
        activeTtlMs: this.tokens.requestTtlMs,
        abandonAt: createdAt + settings.abandonGraceMs,
      })
      .catch(async (error: unknown) => {
        await this.deps.cases.discard(request.id);
        throw error;
      });
    // ACTIVE with its own id: this create was so slow that StrandedCases queued it already; it is
    // kept and answered as a resumed case.
    const queuedAlready = result.status === 'ACTIVE' && result.existingId === request.id;
    if (result.status !== 'OK' && !queuedAlready) await this.deps.cases.discard(request.id);
    if (result.status === 'FULL') throw new LifelineError('LIFELINE_QUEUE_FULL');
    if (result.status === 'ACTIVE') return this.resume(result.existingId, identity.sub);
    metrics.requestsCreated.inc({ channel: request.channel, level: request.level });
    // Offered at once if an agent on its route is free; otherwise it waits where it joined.
    const [offered, accessToken, waiting] = await Promise.all([
      this.dispatcher.placeNew(request.id),
      this.tokens.signRequest(request.id, identity.sub),
      this.positions.waitingOn({ position: result.position, route: result.route }),
      this.deps.bus.publish({ t: 'queue-changed' }),
    ]);
    return { id: request.id, accessToken, ...(offered ? CONNECTING : waiting) };
  }

  /** A text request the assistant answers first: held, not queued, until it hands it over. */
  private async heldByAssistant(
    request: NewRequest,
    rank: number,
    articles: KbHit[],
  ): Promise<CreatedHelpRequest> {
    const discard = () => this.deps.cases.discard(request.id);
    const held = await this.frontDoor!.take(request, rank, articles, this.tokens.requestTtlMs).catch(
      async (error: unknown) => {
        await discard();
        throw error;
      },
    );
    if (held.status === 'ACTIVE') {
      if (held.existingId !== request.id) await discard();
      return this.resume(held.existingId, request.userId);
    }
    this.deps.metrics.requestsCreated.inc({ channel: request.channel, level: request.level });
    const [accessToken, snapshot] = await Promise.all([
      this.tokens.signRequest(request.id, request.userId),
      this.positions.snapshot(request.id),
    ]);
    return { id: request.id, accessToken, ...(snapshot ?? WITH_ASSISTANT) };
  }

  /**
   * A user who asks again while a case is open (a reload, another device) gets that case back
   * with a fresh token, instead of a dead end.
   */
  private async resume(id: string, userId: string): Promise<CreatedHelpRequest> {
    const accessToken = await this.tokens.signRequest(id, userId);
    const snapshot = (await this.positions.snapshot(id)) ?? {
      position: 0,
      etaSeconds: 0,
      state: 'connecting',
    };
    return { id, accessToken, ...snapshot, resumed: true };
  }

  async get(
    principal: Principal,
    id: string,
  ): Promise<{ record: RequestRecord; queue: QueueSnapshot | null }> {
    if (principal.kind === 'user' && principal.requestId !== id)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'A request token reads only its own request');
    const record = await this.deps.queue.getRequest(id);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    const [queue, transcript] = await Promise.all([
      this.positions.snapshot(id),
      record.transcript ? record.transcript : this.storedTranscript(id),
    ]);
    return { record: transcript ? { ...record, transcript } : record, queue };
  }

  /**
   * A rebuilt queue holds no transcripts: the system of record has them. Without PostgreSQL the
   * view still answers from Redis, only without it.
   */
  private async storedTranscript(id: string) {
    try {
      return await this.transcripts.get(id);
    } catch (error) {
      this.deps.log.warn({ err: error, requestId: id }, 'could not read the transcript from the database');
      return undefined;
    }
  }

  /** The stored request, for this instance's own use (no authorisation: callers hold the principal). */
  record(id: string): Promise<RequestRecord | null> {
    return this.deps.queue.getRequest(id);
  }

  /** Idempotent: cancelling a closed request returns its state. */
  async cancel(principal: Principal, id: string): Promise<string> {
    if (principal.kind !== 'user' || principal.requestId !== id)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may cancel it');
    const closed = await this.deps.queue.closeWaiting(id, this.deps.now(), 'cancelled', false);
    if (closed.status === 'ASSIGNED' && closed.sessionId) {
      await this.sessions.end(closed.sessionId, 'user_cancelled');
      return 'ended';
    }
    if (closed.status === 'CLOSED') {
      await this.deps.records.keep('cancel', {
        kind: 'transition',
        caseId: id,
        state: 'cancelled',
        reason: 'user_cancelled',
        at: this.deps.now(),
      });
      this.deps.metrics.cancelled.inc();
      await this.deps.floor.cancelled();
      await this.afterClose(id, closed, 'cancelled');
      return 'cancelled';
    }
    const record = await this.deps.queue.getRequest(id);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    return record.state;
  }

  /**
   * Closes a waiting request that its incident's resolution answered. Returns how it stood: only
   * a waiting one closes; one with an agent is left to the agent.
   */
  async closeResolved(id: string): Promise<'closed' | 'with_agent' | 'gone'> {
    const reason = 'resolved_by_incident';
    const closed = await this.deps.queue.closeWaiting(id, this.deps.now(), reason, false);
    if (closed.status === 'ASSIGNED') return 'with_agent';
    if (closed.status !== 'CLOSED') return 'gone';
    await this.deps.records.keep(reason, {
      kind: 'transition',
      caseId: id,
      state: reason,
      reason: 'incident_resolved',
      at: this.deps.now(),
    });
    await this.afterClose(id, closed, reason);
    return 'closed';
  }

  /** Counts this socket for the request (by its id) and stops the abandon clock. */
  /** Returns false when this instance's lease is gone and the socket was not registered. */
  async userConnected(requestId: string, socket: SocketRef): Promise<boolean> {
    return (await this.deps.presenceStore.userSocketOpen(requestId, socket, this.deps.now())) !== LEASE_GONE;
  }

  /** Forgets this socket; with none left on a live instance, the abandon clock starts. */
  async userDisconnected(requestId: string, socket: SocketRef): Promise<void> {
    const { now, settings } = this.deps;
    await this.deps.presenceStore.userSocketClose(requestId, socket, now(), now() + settings.abandonGraceMs);
  }

  /** Closes a request whose user is being erased: its agent and sockets are told it is gone. */
  async closeForErasure(id: string): Promise<void> {
    const closed = await this.deps.queue.closeWaiting(id, this.deps.now(), 'cancelled', false);
    if (closed.status === 'ASSIGNED' && closed.sessionId) await this.sessions.end(closed.sessionId, 'erased');
    else if (closed.status === 'CLOSED') await this.afterClose(id, closed, 'cancelled');
  }

  /** Closes requests whose user has been gone past the grace period. */
  async abandonDue(): Promise<number> {
    const { queue, now, metrics } = this.deps;
    let abandoned = 0;
    for (const id of await queue.dueAbandons(now(), ABANDON_BATCH)) {
      const closed = await queue.closeWaiting(id, now(), 'abandoned', true);
      if (closed.status !== 'CLOSED') continue;
      abandoned += 1;
      metrics.abandoned.inc();
      await this.deps.records.keep('abandon', {
        kind: 'transition',
        caseId: id,
        state: 'abandoned',
        reason: 'user_gone',
        at: now(),
      });
      await this.afterClose(id, closed, 'abandoned');
    }
    return abandoned;
  }

  private async afterClose(
    requestId: string,
    closed: { offerId?: string; agentId?: string },
    reason: Exclude<WaitingCloseReason, 'self_served'>,
  ) {
    const { bus } = this.deps;
    if (closed.offerId && closed.agentId) {
      await bus.publish({
        t: 'agent',
        agentId: closed.agentId,
        frame: { type: 'offer.withdrawn', offerId: closed.offerId, reason },
      });
      this.dispatcher.agentFree(closed.agentId);
    }
    await bus.publish({ t: 'request', requestId, frame: { type: 'request.closed', requestId, reason } });
    await bus.publish({ t: 'queue-changed' });
  }
}
