import type { ServerFrameOf } from '../../core/protocol/frames.js';
import type { Channel, MediaKind } from '../../core/protocol/vocabulary.js';
import { agentIdentity, roomNameFor, userIdentity, type MediaPlane } from '../../media/MediaPlane.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { RoutingDeps } from '../routing/deps.js';

export type ReadyFrame = ServerFrameOf<'session.ready'>;

/** The live call a session holds, if any: a `call` request always, a conversation once turned into one. */
export function liveCall(
  record: RequestRecord | null,
  session: Record<string, string> | null,
): MediaKind | undefined {
  if ((record?.channel ?? 'call') === 'call') return record?.media ?? 'video';
  const call = session?.state === 'active' ? session.call : undefined;
  return call === 'audio' || call === 'video' ? call : undefined;
}

/**
 * Each side's `session.ready`: at start, when a conversation's call starts or stops, and again
 * for a socket that reconnects. A token is minted only while the session holds a live call.
 */
export class ReadyFrames {
  constructor(
    private readonly deps: Pick<RoutingDeps, 'queue' | 'sessionStore' | 'bus'>,
    private readonly media: MediaPlane,
    private readonly agents: Pick<AgentRepository, 'findById'>,
  ) {}

  /** Sends each side its current session.ready: at start, and when a call starts or stops. */
  async announce(sessionId: string, requestId: string, agentId: string): Promise<void> {
    const [state, agent] = await Promise.all([
      this.sessionState(sessionId, requestId),
      this.agents.findById(agentId),
    ]);
    const [userFrame, agentFrame] = await Promise.all([
      this.readyFrame(sessionId, requestId, userIdentity(requestId), state.userName, state),
      this.readyFrame(sessionId, requestId, agentIdentity(agentId), agent?.name, state),
    ]);
    await Promise.all([
      this.deps.bus.publish({ t: 'request', requestId, frame: userFrame }),
      this.deps.bus.publish({ t: 'agent', agentId, frame: agentFrame }),
    ]);
  }

  /** What both sides' frames say of the session: its channel, its live call if any, the user's name. */
  private async sessionState(sessionId: string, requestId: string) {
    const [record, session] = await Promise.all([
      this.deps.queue.getRequest(requestId),
      this.deps.sessionStore.getSession(sessionId),
    ]);
    return {
      channel: record?.channel,
      call: liveCall(record, session),
      userName: record?.userName ?? 'Viewer',
    };
  }

  /** A fresh session.ready for the user, e.g. after their socket reconnected mid-session. */
  async forUser(sessionId: string, requestId: string): Promise<ReadyFrame> {
    const state = await this.sessionState(sessionId, requestId);
    return this.readyFrame(sessionId, requestId, userIdentity(requestId), state.userName, state);
  }

  /** A fresh session.ready for each session the agent is serving, e.g. after a reload. */
  async forAgentSessions(agentId: string): Promise<ReadyFrame[]> {
    const frames: ReadyFrame[] = [];
    for (const sessionId of await this.deps.sessionStore.sessionsOf(agentId)) {
      const session = await this.deps.sessionStore.getSession(sessionId);
      if (session?.state === 'active' && session.agentId === agentId && session.requestId)
        frames.push(await this.forAgent(sessionId, session.requestId, agentId));
    }
    return frames;
  }

  async forAgent(sessionId: string, requestId: string, agentId: string): Promise<ReadyFrame> {
    const [agent, state] = await Promise.all([
      this.agents.findById(agentId),
      this.sessionState(sessionId, requestId),
    ]);
    return this.readyFrame(sessionId, requestId, agentIdentity(agentId), agent?.name, state);
  }

  private async readyFrame(
    sessionId: string,
    requestId: string,
    identity: string,
    name: string | undefined,
    { channel = 'call', call }: { channel?: Channel; call: MediaKind | undefined },
  ): Promise<ReadyFrame> {
    const base = { type: 'session.ready', sessionId, requestId, channel } as const;
    // A grant no wider than the session needs: no room and no token without a live call.
    if (!call) return { ...base, canPublish: false };
    const room = roomNameFor(sessionId);
    const token = await this.media.joinToken({ room, identity, name, canPublish: true });
    return { ...base, room, livekitUrl: this.media.publicUrl, token, media: call, canPublish: true };
  }
}
