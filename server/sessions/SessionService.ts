import { LifelineError } from '../../core/errors/LifelineError.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { RoutingDeps } from '../routing/deps.js';
import type { ServerFrame } from '../../core/protocol/frames.js';
import type { MediaKind } from '../../core/protocol/vocabulary.js';
import type { SystemLines } from '../conversations/SystemLines.js';
import { ReadyFrames, type ReadyFrame } from './ReadyFrames.js';
import { NO_CAPTIONS, type CaptionsDispatch } from './CaptionsDispatch.js';
import {
  agentIdentity,
  roomNameFor,
  sessionIdFromRoom,
  userIdentity,
  type MediaEvent,
  type MediaPlane,
} from '../../media/MediaPlane.js';

/** A session is one accepted request: one LiveKit room, one user, one agent. */
export class SessionService {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly media: MediaPlane,
    private readonly agents: AgentRepository,
    private readonly dispatcher: Dispatcher,
    private readonly lines: SystemLines,
  ) {
    this.ready = new ReadyFrames(deps, media, agents);
  }

  private readonly ready: ReadyFrames;
  /** Live captions for each call room made here; composition sets it when LIVE_CAPTIONS is on. */
  captions: CaptionsDispatch = NO_CAPTIONS;

  /**
   * Hands both sides their session. A live call gets its room first and each side its own token;
   * if the room cannot be made, the request goes back. A text or voice conversation needs no room.
   */
  async start(sessionId: string, requestId: string, agentId: string): Promise<void> {
    const { queue, now, metrics } = this.deps;
    const record = await queue.getRequest(requestId);
    if ((record?.channel ?? 'call') === 'call') {
      try {
        await this.media.createRoom(roomNameFor(sessionId));
      } catch (error) {
        await this.giveBack(sessionId, requestId, agentId);
        throw error;
      }
      this.captions.liveCallRoomMade(sessionId, roomNameFor(sessionId));
    }
    if (record) {
      const waitSeconds = Math.max(0, now() - record.createdAt) / 1000;
      metrics.waitUntilAnswered.observe(waitSeconds);
      await this.deps.floor.answered(waitSeconds, this.deps.settings.serviceLevelTargetSeconds);
    }
    await this.ready.announce(sessionId, requestId, agentId);
  }

  private async giveBack(sessionId: string, requestId: string, agentId: string): Promise<void> {
    const { sessionStore, bus, now } = this.deps;
    await sessionStore.endSession(sessionId, now(), 'media_failed', '', true);
    const at = now();
    await this.deps.records.keep(
      'requeue',
      { kind: 'transition', caseId: requestId, state: 'queued', reason: 'media_failed', at },
      { kind: 'callEnded', sessionId, reason: 'media_failed', at },
    );
    await bus.publish({ t: 'queue-changed' });
    this.dispatcher.requestWaiting(requestId);
    this.dispatcher.agentFree(agentId);
  }

  /** A fresh session.ready for the user, e.g. after their socket reconnected mid-session. */
  readyForUser(sessionId: string, requestId: string): Promise<ReadyFrame> {
    return this.ready.forUser(sessionId, requestId);
  }

  /** A fresh session.ready for each session the agent is serving, e.g. after a reload. */
  readyFramesForAgent(agentId: string): Promise<ReadyFrame[]> {
    return this.ready.forAgentSessions(agentId);
  }

  /**
   * Turns a text or voice conversation into a live call with one action of its agent: a room, a
   * token for each side, and a line in the conversation. Asking again while the call runs changes
   * nothing; a `call` session already is one.
   */
  async startCall(agentId: string, sessionId: string, media: MediaKind): Promise<void> {
    const { requestId, record } = await this.servedConversation(agentId, sessionId);
    if (record.channel === 'call') throw new LifelineError('LIFELINE_ALREADY_A_CALL');
    const room = roomNameFor(sessionId);
    if (await this.deps.sessionStore.markCall(sessionId, media)) {
      try {
        await this.media.createRoom(room);
      } catch (error) {
        await this.deps.sessionStore.clearCall(sessionId);
        throw error;
      }
      // The session may have ended while the room was made: then the call must not start.
      if ((await this.deps.sessionStore.getSession(sessionId))?.state !== 'active') {
        await this.deps.sessionStore.clearCall(sessionId);
        await this.media.deleteRoom(room).catch(() => undefined);
        throw new LifelineError('LIFELINE_SESSION_GONE');
      }
      this.captions.liveCallRoomMade(sessionId, room);
      await this.lines.say(
        requestId,
        agentId,
        media === 'video' ? 'call.video.started' : 'call.audio.started',
      );
    }
    await this.ready.announce(sessionId, requestId, agentId);
  }

  /** Ends the live call of a conversation and leaves the conversation open. */
  async stopCall(agentId: string, sessionId: string): Promise<void> {
    const { requestId, record } = await this.servedConversation(agentId, sessionId);
    if (record.channel === 'call') throw new LifelineError('LIFELINE_ALREADY_A_CALL');
    await this.callFinished(sessionId, requestId, agentId);
  }

  private async callFinished(sessionId: string, requestId: string, agentId: string): Promise<void> {
    if (!(await this.deps.sessionStore.clearCall(sessionId))) return;
    this.media.deleteRoom(roomNameFor(sessionId)).catch((error: unknown) => {
      this.deps.log.warn({ err: error, sessionId }, 'room delete failed; LiveKit closes it when empty');
    });
    await this.lines.say(requestId, agentId, 'call.ended');
    await this.ready.announce(sessionId, requestId, agentId);
  }

  private async servedConversation(agentId: string, sessionId: string) {
    const session = await this.deps.sessionStore.getSession(sessionId);
    if (session?.state !== 'active' || !session.requestId) throw new LifelineError('LIFELINE_SESSION_GONE');
    if (session.agentId !== agentId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'This session is not yours');
    const record = await this.deps.queue.getRequest(session.requestId);
    if (!record) throw new LifelineError('LIFELINE_SESSION_GONE');
    return { requestId: session.requestId, record };
  }

  /** Ends a session once, whoever asks first (agent, user, webhook); later calls return false. */
  async end(
    sessionId: string,
    reason: string,
    wrapUp: { outcome?: string; note?: string } = {},
  ): Promise<boolean> {
    const { sessionStore, bus, now, metrics, log } = this.deps;
    const ended = await sessionStore.endSession(sessionId, now(), reason, wrapUp.outcome ?? '', false);
    if (ended.status !== 'ENDED' || !ended.requestId || !ended.agentId) return false;
    // The agent's slot is free now: its next offer should not wait for the bookkeeping below.
    this.dispatcher.agentFree(ended.agentId);
    // The note waits with the session (never in a job payload) for the record to read it.
    if (wrapUp.note) await sessionStore.recordWrapUp(sessionId, { note: wrapUp.note });
    const at = now();
    await this.deps.records.keep(
      'end',
      { kind: 'transition', caseId: ended.requestId, state: 'ended', reason, at },
      { kind: 'callEnded', sessionId, reason, at, ...(wrapUp.outcome ? { outcome: wrapUp.outcome } : {}) },
    );
    const handleSeconds = Math.max(0, now() - ended.startedAt) / 1000;
    metrics.handleTime.observe(handleSeconds);
    await this.deps.floor.handled(handleSeconds);
    const frame: ServerFrame = { type: 'session.ended', sessionId, reason };
    const consulted = ended.consultedAgentId;
    if (consulted) this.dispatcher.agentFree(consulted);
    await Promise.all([
      bus.publish({ t: 'request', requestId: ended.requestId, frame }),
      bus.publish({ t: 'agent', agentId: ended.agentId, frame }),
      bus.publish({ t: 'queue-changed' }),
      consulted &&
        bus.publish({
          t: 'agent',
          agentId: consulted,
          frame: { type: 'transfer.update', sessionId, state: 'cancelled', agentId: consulted },
        }),
    ]);
    this.media.deleteRoom(roomNameFor(sessionId)).catch((error: unknown) => {
      log.warn({ err: error, sessionId }, 'room delete failed; LiveKit closes it when empty');
    });
    return true;
  }

  /**
   * A verified media-server event. A room that finished ends its session; a participant leaving
   * ends it only when that participant is the user or the agent, never a supervisor listening.
   */
  async onMediaEvent(event: MediaEvent): Promise<boolean> {
    const sessionId = event.room ? sessionIdFromRoom(event.room) : null;
    if (event.event === 'other' || !sessionId) return false;
    const session = await this.deps.sessionStore.getSession(sessionId);
    const record = session?.requestId ? await this.deps.queue.getRequest(session.requestId) : null;
    // A conversation outlives its call: the room closing only takes it back to chat.
    if (record && record.channel !== 'call') {
      if (event.event === 'room_finished' && session?.agentId && session.requestId)
        await this.callFinished(sessionId, session.requestId, session.agentId);
      return false;
    }
    if (event.event === 'participant_left') {
      const sides = session
        ? [userIdentity(session.requestId ?? ''), agentIdentity(session.agentId ?? '')]
        : [];
      if (!sides.includes(event.participantIdentity ?? '')) return false;
    }
    return this.end(sessionId, event.event);
  }

  /** The agent's outcome code and note, given at end or in the wrap-up after it. */
  async wrapUp(
    agentId: string,
    sessionId: string,
    wrapUp: { outcome: string; note?: string },
  ): Promise<void> {
    const session = await this.deps.sessionStore.getSession(sessionId);
    if (!session) throw new LifelineError('LIFELINE_NOT_FOUND');
    if (session.agentId !== agentId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'This session is not yours');
    await this.deps.sessionStore.recordWrapUp(sessionId, wrapUp);
    await this.deps.records.keep('wrap-up', { kind: 'wrapUp', sessionId, outcome: wrapUp.outcome });
  }

  async endByAgent(
    agentId: string,
    sessionId: string,
    wrapUp: { outcome?: string; note?: string },
  ): Promise<void> {
    const session = await this.deps.sessionStore.getSession(sessionId);
    if (!session) throw new LifelineError('LIFELINE_SESSION_GONE');
    if (session.agentId !== agentId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'This session is not yours');
    if (!(await this.end(sessionId, 'agent_ended', wrapUp))) throw new LifelineError('LIFELINE_SESSION_GONE');
  }
}
