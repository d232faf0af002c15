import { LifelineError } from '../../core/errors/LifelineError.js';
import type { ErrorCode } from '../../core/protocol/errorCodes.js';
import type { ServerFrame } from '../../core/protocol/frames.js';
import type {
  AuditAction,
  ConsultGrant,
  TransferBody,
  TransferState,
} from '../../core/protocol/supervision.js';
import { agentIdentity, roomNameFor, type MediaPlane } from '../../media/MediaPlane.js';
import type { ConsultEndMode, TransferOutcome } from '../../platform/stores/TransferStore.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { RoutingDeps } from '../routing/deps.js';
import { toOfferedRequest } from '../routing/offeredRequest.js';
import { liveCall, type ReadyFrames } from './ReadyFrames.js';

/**
 * A consult grant is used at once: a short life keeps it from rejoining after the consult ended
 * (LiveKit refreshes the token of a participant who stays connected).
 */
const GRANT_TTL_SECONDS = 60;

/** What each refusal of the transfer scripts means to the caller. */
const REFUSALS: Record<string, ErrorCode> = {
  GONE: 'LIFELINE_SESSION_GONE',
  FORBIDDEN: 'LIFELINE_FORBIDDEN',
  PENDING: 'LIFELINE_TRANSFER_PENDING',
  OFFLINE: 'LIFELINE_TRANSFER_TARGET_OFFLINE',
  BUSY: 'LIFELINE_TRANSFER_TARGET_BUSY',
  NO_CONSULT: 'LIFELINE_NO_CONSULT',
};

const CONSULT_END_STATE: Record<ConsultEndMode, TransferState> = {
  decline: 'declined',
  cancel: 'cancelled',
  expire: 'expired',
};
const CONSULT_END_ACTION = {
  decline: 'consult_decline',
  cancel: 'consult_cancel',
  expire: 'consult_expire',
} as const;

function settled(outcome: TransferOutcome): string[] {
  if (outcome.status === 'OK') return outcome.ids;
  throw new LifelineError(REFUSALS[outcome.status] ?? 'LIFELINE_SESSION_GONE');
}

/**
 * Consults and transfers of a session. Warm: the serving agent invites another, who joins the
 * same room while the user holds (neither agent lets the user subscribe to them meanwhile), then
 * hands over; the user never queues again. Cold: the case goes back to a queue with a note.
 * Every step is one Redis script (lua/transfers.ts) and one audit event.
 */
export class Transfers {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly media: MediaPlane,
    private readonly agents: Pick<AgentRepository, 'findById'>,
    private readonly dispatcher: Pick<Dispatcher, 'agentFree' | 'requestWaiting'>,
    private readonly ready: ReadyFrames,
    private readonly consultTimeoutMs: number,
  ) {}

  private toAgent(agentId: string, frame: ServerFrame) {
    return this.deps.bus.publish({ t: 'agent', agentId, frame });
  }

  private toUser(requestId: string, frame: ServerFrame) {
    return this.deps.bus.publish({ t: 'request', requestId, frame });
  }

  private audit(
    action: AuditAction,
    actorId: string,
    sessionId: string,
    extra: { caseId?: string; targetId?: string } = {},
  ) {
    const at = this.deps.now();
    return this.deps.records.keep(action, { kind: 'audit', action, actorId, sessionId, at, ...extra });
  }

  async consult(fromAgentId: string, sessionId: string, toAgentId: string): Promise<void> {
    if (fromAgentId === toAgentId) throw new LifelineError('LIFELINE_TRANSFER_TO_SELF');
    const [target, from] = await Promise.all([
      this.agents.findById(toAgentId),
      this.agents.findById(fromAgentId),
    ]);
    if (!target) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such agent');
    const now = this.deps.now();
    const expiresAt = now + this.consultTimeoutMs;
    const [requestId = ''] = settled(
      await this.deps.transfers.invite(sessionId, fromAgentId, toAgentId, now, expiresAt),
    );
    await this.audit('consult_invite', fromAgentId, sessionId, { caseId: requestId, targetId: toAgentId });
    const record = await this.deps.queue.getRequest(requestId);
    if (!record) return;
    await this.toAgent(toAgentId, {
      type: 'consult.invited',
      sessionId,
      fromAgentId,
      fromName: from?.name ?? fromAgentId,
      expiresInMs: this.consultTimeoutMs,
      request: toOfferedRequest(record, now),
    });
  }

  /** The invited agent joins: a grant to the same room while the session holds a call. */
  async accept(agentId: string, sessionId: string): Promise<ConsultGrant> {
    const [requestId = '', servingAgentId = ''] = settled(
      await this.deps.transfers.accept(sessionId, agentId),
    );
    await this.audit('consult_accept', agentId, sessionId, { caseId: requestId, targetId: servingAgentId });
    await Promise.all([
      this.toAgent(servingAgentId, { type: 'transfer.update', sessionId, state: 'joined', agentId }),
      this.toUser(requestId, { type: 'session.transfer', sessionId, state: 'consulting' }),
    ]);
    const withAgentIdentity = agentIdentity(servingAgentId);
    const [record, session] = await Promise.all([
      this.deps.queue.getRequest(requestId),
      this.deps.sessionStore.getSession(sessionId),
    ]);
    // A cancel, an expiry or the session's end may have come between the join and the frames
    // above, whose order is then not guaranteed: say again what stands, and hand out no token.
    if (session?.consultAgent !== agentId || session.state !== 'active') {
      await Promise.all([
        this.toAgent(servingAgentId, { type: 'transfer.update', sessionId, state: 'cancelled', agentId }),
        this.toUser(requestId, { type: 'session.transfer', sessionId, state: 'resumed' }),
      ]);
      throw new LifelineError('LIFELINE_NO_CONSULT');
    }
    const media = liveCall(record, session);
    if (!media) return { sessionId, withAgentIdentity };
    const agent = await this.agents.findById(agentId);
    const room = roomNameFor(sessionId);
    const token = await this.media.joinToken({
      room,
      identity: agentIdentity(agentId),
      name: agent?.name,
      canPublish: true,
      ttlSeconds: GRANT_TTL_SECONDS,
    });
    return { sessionId, room, livekitUrl: this.media.publicUrl, token, withAgentIdentity, media };
  }

  /** Declined by the invited agent, cancelled by the serving one, or expired unanswered. */
  async endConsult(mode: ConsultEndMode, agentId: string, sessionId: string): Promise<void> {
    const outcome = await this.deps.transfers.endConsult(sessionId, mode, agentId, this.deps.now());
    // Another instance's sweep got there first, or it was answered meanwhile: nothing left to do.
    if (outcome.status === 'NOT_DUE' || (mode === 'expire' && outcome.status === 'GONE')) return;
    const [consulted = '', serving = '', requestId = ''] = settled(outcome);
    this.dispatcher.agentFree(consulted);
    await this.audit(CONSULT_END_ACTION[mode], mode === 'expire' ? 'system' : agentId, sessionId, {
      caseId: requestId,
      targetId: consulted,
    });
    const update = {
      type: 'transfer.update',
      sessionId,
      state: CONSULT_END_STATE[mode],
      agentId: consulted,
    } as const;
    await Promise.all([
      this.toAgent(serving, update),
      this.toAgent(consulted, update),
      this.toUser(requestId, { type: 'session.transfer', sessionId, state: 'resumed' }),
    ]);
    // Whoever was consulted leaves the call even if their console does not.
    await this.media
      .removeParticipant(roomNameFor(sessionId), agentIdentity(consulted))
      .catch(() => undefined);
  }

  /** Invitations nobody answered in time; any instance may run this. */
  async expireDue(limit = 100): Promise<number> {
    const due = await this.deps.transfers.dueConsults(this.deps.now(), limit);
    for (const sessionId of due) await this.endConsult('expire', '', sessionId);
    return due.length;
  }

  async transfer(agentId: string, sessionId: string, body: TransferBody): Promise<void> {
    if (body.mode === 'warm') return this.warm(agentId, sessionId);
    return this.cold(agentId, sessionId, body.category, body.note ?? '');
  }

  private async warm(fromAgentId: string, sessionId: string): Promise<void> {
    const now = this.deps.now();
    const [requestId = '', toAgentId = ''] = settled(
      await this.deps.transfers.warm(sessionId, fromAgentId, now),
    );
    this.dispatcher.agentFree(fromAgentId);
    await this.deps.records.keep(
      'transfer',
      {
        kind: 'audit',
        action: 'transfer_warm',
        actorId: fromAgentId,
        sessionId,
        caseId: requestId,
        targetId: toAgentId,
        at: now,
      },
      { kind: 'handover', sessionId, agentId: toAgentId },
    );
    const [agent, frame] = await Promise.all([
      this.agents.findById(toAgentId),
      this.ready.forAgent(sessionId, requestId, toAgentId),
    ]);
    await Promise.all([
      this.toAgent(toAgentId, frame),
      this.toAgent(fromAgentId, {
        type: 'transfer.update',
        sessionId,
        state: 'completed',
        agentId: toAgentId,
      }),
      this.toUser(requestId, {
        type: 'session.transfer',
        sessionId,
        state: 'completed',
        ...(agent?.name && { agentName: agent.name }),
      }),
    ]);
    await this.media
      .removeParticipant(roomNameFor(sessionId), agentIdentity(fromAgentId))
      .catch(() => undefined);
  }

  private async cold(fromAgentId: string, sessionId: string, category: string, note: string): Promise<void> {
    const now = this.deps.now();
    const [requestId = '', consulted = ''] = settled(
      await this.deps.transfers.cold(
        sessionId,
        fromAgentId,
        now,
        category,
        note,
        now + this.deps.settings.abandonGraceMs,
      ),
    );
    await this.deps.records.keep(
      'transfer',
      { kind: 'transition', caseId: requestId, state: 'queued', reason: 'transferred', at: now },
      { kind: 'callEnded', sessionId, reason: 'transferred', at: now, outcome: 'transferred' },
      {
        kind: 'audit',
        action: 'transfer_cold',
        actorId: fromAgentId,
        sessionId,
        caseId: requestId,
        targetId: category,
        at: now,
      },
      { kind: 'category', caseId: requestId, category },
    );
    const ended: ServerFrame = { type: 'session.ended', sessionId, reason: 'transferred' };
    await Promise.all([
      this.toAgent(fromAgentId, ended),
      this.toUser(requestId, { type: 'session.transfer', sessionId, state: 'queued' }),
      consulted &&
        this.toAgent(consulted, {
          type: 'transfer.update',
          sessionId,
          state: 'cancelled',
          agentId: consulted,
        }),
      this.deps.bus.publish({ t: 'queue-changed' }),
    ]);
    this.dispatcher.agentFree(fromAgentId);
    if (consulted) this.dispatcher.agentFree(consulted);
    this.dispatcher.requestWaiting(requestId);
    this.media.deleteRoom(roomNameFor(sessionId)).catch((error: unknown) => {
      this.deps.log.warn({ err: error, sessionId }, 'room delete failed; LiveKit closes it when empty');
    });
  }
}
