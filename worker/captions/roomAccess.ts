import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { callRoleOf } from '../../core/protocol/captions.js';
import type { CaptionsSettings } from '../config.js';

/** Long enough to connect; LiveKit refreshes a connected participant's token itself. */
const JOIN_TOKEN_TTL_SECONDS = 60;

export const captionsIdentity = (sessionId: string) => `captions-${sessionId}`;

/**
 * The worker's own way into a call room, from the LiveKit key it is configured with: no token
 * ever rides in a job. The grant is the smallest that works: this one room, hidden (neither party
 * sees a third participant), subscribe to hear both, publish data only (captions), no media,
 * and a token that only needs to last until it has connected.
 */
export class RoomAccess {
  private readonly rooms: RoomServiceClient;

  constructor(private readonly livekit: CaptionsSettings['livekit']) {
    this.rooms = new RoomServiceClient(
      livekit.url.replace(/^ws(s?):\/\//, 'http$1://'),
      livekit.apiKey,
      livekit.apiSecret,
      {
        requestTimeout: 5,
      },
    );
  }

  get url(): string {
    return this.livekit.url;
  }

  /**
   * Whether the call's room is still open. LiveKit makes a room on first join, so joining a room
   * the call already closed would open it again (a retried or recovered job after the call).
   */
  async isOpen(room: string): Promise<boolean> {
    const found = await this.rooms.listRooms([room]);
    return found.some((r) => r.name === room);
  }

  /**
   * The agent and supervisors in the room, hidden ones included: a supervisor listening silently is
   * hidden from the call's participants, so only the server's list shows them.
   */
  async captionReadersIn(room: string): Promise<string[]> {
    const participants = await this.rooms.listParticipants(room);
    return participants
      .map((p) => p.identity)
      .filter((identity) => ['agent', 'supervisor'].includes(callRoleOf(identity) ?? ''));
  }

  joinToken(room: string, sessionId: string): Promise<string> {
    const token = new AccessToken(this.livekit.apiKey, this.livekit.apiSecret, {
      identity: captionsIdentity(sessionId),
      name: 'Captions',
      ttl: JOIN_TOKEN_TTL_SECONDS,
    });
    // An agent (LiveKit's kind for such helpers) is a dependent participant: it takes no place of
    // the room's maxParticipants and does not keep a room open that the call's parties have left.
    token.kind = 'agent';
    token.addGrant({
      room,
      roomJoin: true,
      hidden: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: true,
      agent: true,
    });
    return token.toJwt();
  }
}
