import { LifelineError } from '../../core/errors/LifelineError.js';
import type { AuditEntry, MonitorGrant, MonitorMode } from '../../core/protocol/supervision.js';
import type { AuditRepository } from '../../platform/db/AuditRepository.js';
import {
  agentIdentity,
  roomNameFor,
  supervisorIdentity,
  type JoinGrant,
  type MediaPlane,
} from '../../media/MediaPlane.js';
import type { RoutingDeps } from '../routing/deps.js';
import { liveCall } from '../sessions/ReadyFrames.js';

/**
 * The grant each mode needs and nothing wider. Coaching and barging publish the microphone only;
 * which of the call hears it is the supervisor's track subscription permission (the console
 * allows only the agent while coaching), since a LiveKit grant cannot name subscribers.
 */
const GRANTS: Record<MonitorMode, Pick<JoinGrant, 'canPublish' | 'publishSources' | 'hidden'>> = {
  listen: { canPublish: false, hidden: true },
  coach: { canPublish: true, publishSources: ['microphone'] },
  barge: { canPublish: true, publishSources: ['microphone'] },
};

/**
 * Each grant is joined at once: a short life keeps an earlier mode's token, or one from before
 * "end listening", from getting back in (LiveKit refreshes the token of a connected participant).
 */
const GRANT_TTL_SECONDS = 60;

/** A supervisor on a live call: listen, coach, barge and leave, every step audited. */
export class Supervision {
  constructor(
    private readonly deps: Pick<RoutingDeps, 'sessionStore' | 'queue' | 'records' | 'now'>,
    private readonly media: MediaPlane,
    private readonly audit: Pick<AuditRepository, 'list'>,
  ) {}

  private async liveSession(sessionId: string) {
    const session = await this.deps.sessionStore.getSession(sessionId);
    if (session?.state !== 'active') throw new LifelineError('LIFELINE_SESSION_GONE');
    const record = session.requestId ? await this.deps.queue.getRequest(session.requestId) : null;
    if (!liveCall(record, session)) throw new LifelineError('LIFELINE_NO_LIVE_CALL');
    return { requestId: session.requestId ?? '', agentId: session.agentId ?? '' };
  }

  /** Joins (or switches to) one mode; a second grant replaces the first in the room. */
  async monitor(supervisorId: string, sessionId: string, mode: MonitorMode): Promise<MonitorGrant> {
    const { requestId, agentId } = await this.liveSession(sessionId);
    const room = roomNameFor(sessionId);
    const identity = supervisorIdentity(supervisorId);
    const token = await this.media.joinToken({
      room,
      identity,
      name: 'Supervisor',
      ttlSeconds: GRANT_TTL_SECONDS,
      ...GRANTS[mode],
    });
    await this.deps.records.keep(mode, {
      kind: 'audit',
      action: mode,
      actorId: supervisorId,
      sessionId,
      caseId: requestId,
      targetId: agentId,
      at: this.deps.now(),
    });
    return {
      room,
      livekitUrl: this.media.publicUrl,
      token,
      mode,
      identity,
      agentIdentity: agentIdentity(agentId),
    };
  }

  /** Takes the supervisor out of the call from the server, whatever their page does. */
  async leave(supervisorId: string, sessionId: string): Promise<void> {
    const { requestId } = await this.liveSession(sessionId);
    await this.media.removeParticipant(roomNameFor(sessionId), supervisorIdentity(supervisorId));
    await this.deps.records.keep('monitor_end', {
      kind: 'audit',
      action: 'monitor_end',
      actorId: supervisorId,
      sessionId,
      caseId: requestId,
      at: this.deps.now(),
    });
  }

  trail(filter: { sessionId?: string; limit: number }): Promise<AuditEntry[]> {
    return this.audit.list(filter);
  }
}
