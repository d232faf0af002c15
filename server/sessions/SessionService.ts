import { LifelineError } from '../../core/errors/LifelineError.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { RoutingDeps } from '../routing/deps.js';
import { keepRecord } from '../routing/keepRecord.js';
import type { ServerFrame, ServerFrameOf } from '../../core/protocol/frames.js';
import type { Channel } from '../../core/protocol/vocabulary.js';
import {
  agentIdentity,
  roomNameFor,
  sessionIdFromRoom,
  userIdentity,
  type MediaEvent,
  type MediaPlane,
} from '../../media/MediaPlane.js';

type ReadyFrame = ServerFrameOf<'session.ready'>;

/** A session is one accepted request: one LiveKit room, one user, one agent. */
export class SessionService {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly media: MediaPlane,
    private readonly agents: AgentRepository,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Makes the room and hands both sides their own token; if the room cannot be made, the request goes back. */
  async start(sessionId: string, requestId: string, agentId: string): Promise<void> {
    const { queue, sessionStore, bus, now, metrics } = this.deps;
    try {
      await this.media.createRoom(roomNameFor(sessionId));
    } catch (error) {
      await sessionStore.endSession(sessionId, now(), 'media_failed', '', true);
      await keepRecord(
        this.deps,
        'requeue',
        Promise.all([
          this.deps.cases.transition(requestId, 'queued', 'media_failed', now()),
          this.deps.cases.callEnded(sessionId, 'media_failed', now()),
        ]),
      );
      await bus.publish({ t: 'queue-changed' });
      this.dispatcher.requestWaiting(requestId);
      this.dispatcher.agentFree(agentId);
      throw error;
    }
    const record = await queue.getRequest(requestId);
    if (record) {
      const waitSeconds = Math.max(0, now() - record.createdAt) / 1000;
      metrics.waitUntilAnswered.observe(waitSeconds);
      await this.deps.floor.answered(waitSeconds, this.deps.settings.serviceLevelTargetSeconds);
    }
    const [userFrame, agentFrame] = await Promise.all([
      this.readyForUser(sessionId, requestId),
      this.readyForAgent(sessionId, requestId, agentId),
    ]);
    await Promise.all([
      bus.publish({ t: 'request', requestId, frame: userFrame }),
      bus.publish({ t: 'agent', agentId, frame: agentFrame }),
    ]);
  }

  /** A fresh session.ready for the user, e.g. after their socket reconnected mid-session. */
  async readyForUser(sessionId: string, requestId: string): Promise<ReadyFrame> {
    const record = await this.deps.queue.getRequest(requestId);
    return this.readyFrame(
      sessionId,
      requestId,
      userIdentity(requestId),
      record?.userName ?? 'Viewer',
      record?.channel,
    );
  }

  /** A fresh session.ready for each session the agent is serving, e.g. after a reload. */
  async readyFramesForAgent(agentId: string): Promise<ReadyFrame[]> {
    const frames: ReadyFrame[] = [];
    for (const sessionId of await this.deps.sessionStore.sessionsOf(agentId)) {
      const session = await this.deps.sessionStore.getSession(sessionId);
      if (session?.state === 'active' && session.agentId === agentId && session.requestId)
        frames.push(await this.readyForAgent(sessionId, session.requestId, agentId));
    }
    return frames;
  }

  async readyForAgent(sessionId: string, requestId: string, agentId: string): Promise<ReadyFrame> {
    const [agent, record] = await Promise.all([
      this.agents.findById(agentId),
      this.deps.queue.getRequest(requestId),
    ]);
    return this.readyFrame(sessionId, requestId, agentIdentity(agentId), agent?.name, record?.channel);
  }

  private async readyFrame(
    sessionId: string,
    requestId: string,
    identity: string,
    name: string | undefined,
    channel: Channel = 'call',
  ): Promise<ReadyFrame> {
    const room = roomNameFor(sessionId);
    // A grant no wider than the session needs: only a live call publishes audio or video.
    const canPublish = channel === 'call';
    const token = await this.media.joinToken({ room, identity, name, canPublish });
    const { publicUrl: livekitUrl } = this.media;
    return { type: 'session.ready', sessionId, requestId, room, livekitUrl, token, channel, canPublish };
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
    await keepRecord(
      this.deps,
      'end',
      Promise.all([
        this.deps.cases.transition(ended.requestId, 'ended', reason, now()),
        this.deps.cases.callEnded(sessionId, reason, now(), wrapUp),
      ]),
    );
    if (wrapUp.note) await sessionStore.recordWrapUp(sessionId, { note: wrapUp.note });
    const handleSeconds = Math.max(0, now() - ended.startedAt) / 1000;
    metrics.handleTime.observe(handleSeconds);
    await this.deps.floor.handled(handleSeconds);
    const frame: ServerFrame = { type: 'session.ended', sessionId, reason };
    await Promise.all([
      bus.publish({ t: 'request', requestId: ended.requestId, frame }),
      bus.publish({ t: 'agent', agentId: ended.agentId, frame }),
      bus.publish({ t: 'queue-changed' }),
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
    if (event.event === 'participant_left') {
      const session = await this.deps.sessionStore.getSession(sessionId);
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
    await keepRecord(this.deps, 'wrap-up', this.deps.cases.wrapUp(sessionId, wrapUp));
  }

  /** A subscribe-only token for a supervisor: they hear and see the call but can never speak in it. */
  async listenToken(
    supervisorId: string,
    sessionId: string,
  ): Promise<{ room: string; livekitUrl: string; token: string }> {
    const session = await this.deps.sessionStore.getSession(sessionId);
    if (session?.state !== 'active') throw new LifelineError('LIFELINE_SESSION_GONE');
    const room = roomNameFor(sessionId);
    const token = await this.media.joinToken({
      room,
      identity: `supervisor-${supervisorId}`,
      name: 'Supervisor',
      canPublish: false,
    });
    return { room, livekitUrl: this.media.publicUrl, token };
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
