import type { CallMood, LiveCaption } from '@lifeline/core/protocol/captions.js';
import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** core/protocol/captions.ts's CAPTIONS_TOPIC; a value import would pull TypeBox into the bundle. */
const CAPTIONS_TOPIC = 'lifeline.captions';
/** Enough to read back over the last minute or two without the list growing for an hour. */
const KEPT = 40;

interface Shown extends LiveCaption {
  receivedAt: number;
}

/** The worker's message, checked for what this view reads; anything else on the topic is ignored. */
function captionFrom(payload: Uint8Array): LiveCaption | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(payload)) as Partial<LiveCaption>;
    const ok =
      parsed.type === 'caption' &&
      (parsed.speaker === 'user' || parsed.speaker === 'agent') &&
      typeof parsed.text === 'string' &&
      typeof parsed.endedAt === 'number' &&
      typeof parsed.mood?.label === 'string';
    return ok ? (parsed as LiveCaption) : null;
  } catch {
    return null;
  }
}

/** The captions worker's room identity is `captions-<sessionId>` (worker/captions/roomAccess.ts). */
const CAPTIONS_IDENTITY_PREFIX = 'captions-';

/**
 * The call's live captions and the caller's mood, as the hidden captions participant sends them
 * into the room (docs/protocol.md, "Room data messages"). Only agents and supervisors receive
 * them: the worker addresses nobody else. `viewer` says whose console this is, for the labels.
 */
export function LiveCaptions({ room, viewer }: { room: Room; viewer: 'agent' | 'supervisor' }) {
  const { t } = useTranslation();
  const [captions, setCaptions] = useState<Shown[]>([]);
  const [mood, setMood] = useState<CallMood | null>(null);

  useEffect(() => {
    const received = (payload: Uint8Array, from?: RemoteParticipant, _kind?: unknown, topic?: string) => {
      // Only the captions worker speaks on this topic. It is hidden, so its packets come with no
      // participant; one from a visible participant is someone else's (no call party holds a data
      // grant, but a page cannot know that) and is ignored.
      if (topic !== CAPTIONS_TOPIC) return;
      if (from && !from.identity.startsWith(CAPTIONS_IDENTITY_PREFIX)) return;
      const caption = captionFrom(payload);
      if (!caption) return;
      setCaptions((now) => [...now, { ...caption, receivedAt: Date.now() }].slice(-KEPT));
      setMood(caption.mood);
    };
    room.on(RoomEvent.DataReceived, received);
    return () => void room.off(RoomEvent.DataReceived, received);
  }, [room]);

  const speakerName = (speaker: LiveCaption['speaker']) =>
    speaker === 'user'
      ? t('captions.user')
      : viewer === 'agent'
        ? t('captions.agent')
        : t('captions.agentOther');
  return (
    <section className="live-captions" data-testid="live-captions" aria-label={t('captions.heading')}>
      <h4>{t('captions.heading')}</h4>
      <p
        className="mood"
        data-testid="caption-mood"
        data-mood={mood?.label ?? 'unknown'}
        data-trend={mood?.trend ?? ''}
      >
        {t('captions.moodHeading')}:{' '}
        {mood && mood.readings > 0
          ? `${t(`captions.mood.${mood.label}`)} · ${t(`captions.trend.${mood.trend}`)}`
          : t('captions.moodUnknown')}
      </p>
      {captions.length === 0 && <p className="muted">{t('captions.waiting')}</p>}
      <ol className="caption-lines" aria-live="polite" aria-relevant="additions">
        {captions.map((c) => (
          <li
            key={`${c.speaker}-${c.seq}-${c.endedAt}`}
            data-testid="caption-line"
            data-speaker={c.speaker}
            data-ended-at={c.endedAt}
            data-published-at={c.publishedAt}
            data-received-at={c.receivedAt}
          >
            <span className="caption-speaker">{speakerName(c.speaker)}:</span>{' '}
            {c.text || <span className="muted">{t('captions.inaudible')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
