/** What Lifeline needs from a media server. LiveKit implements it; tests run the real one. */
export interface JoinGrant {
  room: string;
  identity: string;
  name?: string;
  /** False for silent supervisors: they may listen but never speak. */
  canPublish: boolean;
  /** Only these sources may be published (a supervisor: its microphone); all when absent. */
  publishSources?: 'microphone'[];
  /** Not shown to the other participants (a supervisor listening silently). */
  hidden?: boolean;
  /** Shorter than the configured TTL for a grant that is used at once (a supervisor's, a consult's). */
  ttlSeconds?: number;
}

export interface MediaEvent {
  event: 'participant_left' | 'room_finished' | 'other';
  room?: string;
  participantIdentity?: string;
}

export interface MediaPlane {
  readonly publicUrl: string;
  createRoom(name: string): Promise<void>;
  deleteRoom(name: string): Promise<void>;
  joinToken(grant: JoinGrant): Promise<string>;
  /** Takes one participant out of a room; a participant who is not there is not an error. */
  removeParticipant(room: string, identity: string): Promise<void>;
  /** Verifies a webhook over its exact raw body; throws LIFELINE_BAD_SIGNATURE if it does not. */
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<MediaEvent>;
  ping(): Promise<void>;
}

export const roomNameFor = (sessionId: string) => `lifeline-${sessionId}`;
export const sessionIdFromRoom = (room: string) =>
  room.startsWith('lifeline-') ? room.slice('lifeline-'.length) : null;
export const userIdentity = (requestId: string) => `user-${requestId}`;
export const agentIdentity = (agentId: string) => `agent-${agentId}`;
export const supervisorIdentity = (supervisorId: string) => `supervisor-${supervisorId}`;
