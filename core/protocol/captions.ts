import { Type, type Static } from '@sinclair/typebox';

/**
 * Live captions: room data messages a hidden captions participant publishes into a call's LiveKit
 * room, to the agent and any supervisor listening, never to the user. docs/protocol.md, "Room
 * data messages", describes them.
 */
export const CAPTIONS_TOPIC = 'lifeline.captions';

export const CAPTION_SPEAKERS = ['user', 'agent'] as const;
export type CaptionSpeaker = (typeof CAPTION_SPEAKERS)[number];

export const MOOD_LABELS = ['negative', 'neutral', 'positive'] as const;
export const MOOD_TRENDS = ['worsening', 'steady', 'improving'] as const;
export type MoodLabel = (typeof MOOD_LABELS)[number];
export type MoodTrend = (typeof MOOD_TRENDS)[number];

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((value) => Type.Literal(value)));

/** The user's mood so far in the call, from the sentiment of their captions (core/urgency/mood.ts). */
export const CallMood = Type.Object(
  {
    label: literals(MOOD_LABELS),
    /** −1 (negative) … +1 (positive), a moving average of the readings so far. */
    value: Type.Number({ minimum: -1, maximum: 1 }),
    trend: literals(MOOD_TRENDS),
    /** Captions with words that fed it; 0 means nothing has been read yet. */
    readings: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type CallMood = Static<typeof CallMood>;

/** One utterance of one party. Times are epoch milliseconds on the captions worker's clock. */
export const LiveCaption = Type.Object(
  {
    type: Type.Literal('caption'),
    speaker: literals(CAPTION_SPEAKERS),
    /** What whisper.cpp heard; empty when it heard speech-like audio but produced no words. */
    text: Type.String({ maxLength: 2000 }),
    /** Per call and speaker, from 0, so a listener can tell a gap (a dropped window) from silence. */
    seq: Type.Integer({ minimum: 0 }),
    startedAt: Type.Integer({ minimum: 0 }),
    endedAt: Type.Integer({ minimum: 0 }),
    publishedAt: Type.Integer({ minimum: 0 }),
    mood: CallMood,
  },
  { additionalProperties: false },
);
export type LiveCaption = Static<typeof LiveCaption>;

/**
 * Who an identity in a call room is. The server names them (media/MediaPlane.ts): `user-<requestId>`,
 * `agent-<agentId>`, `supervisor-<agentId>`; anyone else (the captions participant itself) is null.
 */
export function callRoleOf(identity: string): CaptionSpeaker | 'supervisor' | null {
  if (identity.startsWith('user-')) return 'user';
  if (identity.startsWith('agent-')) return 'agent';
  if (identity.startsWith('supervisor-')) return 'supervisor';
  return null;
}
