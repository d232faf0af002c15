import { Room, RoomEvent } from '@livekit/rtc-node';
import { CAPTIONS_TOPIC, type CaptionSpeaker, type LiveCaption } from '../../core/protocol/captions.js';
import type { MediaPlane } from '../../media/MediaPlane.js';
import { publishMicrophone } from '../../scripts/lib/rtcAudio.js';
import { speakBursts, type Burst, type SpokenBurst } from '../../scripts/lib/speechBursts.js';

export interface HeardCaption extends LiveCaption {
  receivedAt: number;
}

export interface CaptionedCall {
  userRoom: Room;
  agentRoom: Room;
  /** What the agent side received on the captions topic, in order. */
  agentHeard: HeardCaption[];
  /** What the user side received on it: must stay empty. */
  userHeard: unknown[];
  /** One side talks: speech-like bursts, each reported when its last sample has left. */
  says(speaker: CaptionSpeaker, bursts: Burst[]): Promise<SpokenBurst[]>;
  leave(): Promise<void>;
}

function collect(room: Room, into: unknown[]): void {
  room.on(RoomEvent.DataReceived, (payload, _from, _kind, topic) => {
    if (topic !== CAPTIONS_TOPIC) return;
    into.push({ ...(JSON.parse(new TextDecoder().decode(payload)) as LiveCaption), receivedAt: Date.now() });
  });
}

/**
 * Two node participants in one call room, named as the server names a call's parties: the user
 * publishes a microphone, the agent only listens. Used by the captions tests and bench.
 */
export async function joinCaptionedCall(
  media: MediaPlane,
  livekitUrl: string,
  room: string,
  ids: { requestId: string; agentId: string },
): Promise<CaptionedCall> {
  const userRoom = new Room();
  const agentRoom = new Room();
  const agentHeard: HeardCaption[] = [];
  const userHeard: unknown[] = [];
  collect(agentRoom, agentHeard);
  collect(userRoom, userHeard);
  const options = { autoSubscribe: true, dynacast: false };
  const token = (identity: string) => media.joinToken({ room, identity, canPublish: true });
  await agentRoom.connect(livekitUrl, await token(`agent-${ids.agentId}`), options);
  await userRoom.connect(livekitUrl, await token(`user-${ids.requestId}`), options);
  const sources = {
    user: (await publishMicrophone(userRoom)).source,
    agent: (await publishMicrophone(agentRoom)).source,
  };
  return {
    userRoom,
    agentRoom,
    agentHeard,
    userHeard,
    says: (speaker, bursts) => speakBursts(sources[speaker], bursts),
    async leave() {
      for (const source of Object.values(sources)) await source.close().catch(() => undefined);
      await Promise.all([userRoom.disconnect(), agentRoom.disconnect()]);
    },
  };
}

/**
 * The caption of each of a speaker's bursts: the one whose end is nearest the burst's end, within
 * a second and a half (the worker stamps the end when the last voiced frame reaches it).
 */
export function matchToBursts(
  speaker: CaptionSpeaker,
  bursts: SpokenBurst[],
  captions: HeardCaption[],
): { burst: SpokenBurst; caption: HeardCaption | undefined; latencyMs: number | undefined }[] {
  return bursts.map((burst) => {
    const nearest = captions
      .filter((c) => c.speaker === speaker && Math.abs(c.endedAt - burst.endedAt) < 1_500)
      .sort((a, b) => Math.abs(a.endedAt - burst.endedAt) - Math.abs(b.endedAt - burst.endedAt))[0];
    return { burst, caption: nearest, latencyMs: nearest ? nearest.receivedAt - burst.endedAt : undefined };
  });
}
