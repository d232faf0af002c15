import type { MonitorGrant, MonitorMode } from '@lifeline/core/protocol/supervision.js';
import { MONITOR_MODES } from '@lifeline/core/protocol/supervision.js';
import {
  Room,
  RoomEvent,
  Track,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveCaptions } from '../shared/LiveCaptions.js';

/** One remote track the supervisor receives, with whose it is. */
interface Heard {
  sid: string;
  track: RemoteTrack;
  name: string;
  role: 'agent' | 'user';
}

// The server names call participants `agent-<id>` and `user-<requestId>` (media/MediaPlane.ts).
const roleOf = (identity: string): Heard['role'] => (identity.startsWith('agent-') ? 'agent' : 'user');

/**
 * Whom a supervisor's microphone reaches in each mode. The grant allows the microphone only; who
 * may subscribe to it is this side's track subscription permission, set before it is published.
 */
async function speakIn(room: Room, grant: MonitorGrant): Promise<void> {
  if (grant.mode === 'listen') return;
  const me = room.localParticipant;
  if (grant.mode === 'coach')
    me.setTrackSubscriptionPermissions(false, [{ participantIdentity: grant.agentIdentity, allowAll: true }]);
  else me.setTrackSubscriptionPermissions(true);
  await me.setMicrophoneEnabled(true);
}

/**
 * A supervisor on a call: listening, coaching the agent or barging in. Every remote track gets an
 * element of its own: one shared <audio> would hold only the last track attached to it. A new
 * mode is a new grant, so the room is joined again with it. The pane closes when the room goes
 * away (the session ended, or the server removed the supervisor) or on "End listening".
 */
export function ListenPane({
  grant,
  onMode,
  onEnd,
  onClose,
}: {
  grant: MonitorGrant;
  onMode: (mode: MonitorMode) => void;
  onEnd: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [heard, setHeard] = useState<Heard[]>([]);
  const [joined, setJoined] = useState(false);
  // The room outlives renders, so its handlers read the latest onClose through a ref.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const add = (track: RemoteTrack, publication: RemoteTrackPublication, from: RemoteParticipant) =>
      setHeard((now) => [
        ...now.filter((h) => h.sid !== publication.trackSid),
        { sid: publication.trackSid, track, name: from.name || from.identity, role: roleOf(from.identity) },
      ]);
    const drop = (_track: RemoteTrack, publication: RemoteTrackPublication) =>
      setHeard((now) => now.filter((h) => h.sid !== publication.trackSid));
    const left = () => closeRef.current();
    room
      .on(RoomEvent.TrackSubscribed, add)
      .on(RoomEvent.TrackUnsubscribed, drop)
      .on(RoomEvent.Disconnected, left);
    let leaving = false;
    room.connect(grant.livekitUrl, grant.token, { autoSubscribe: true }).then(
      async () => {
        if (leaving) return;
        setJoined(true);
        await speakIn(room, grant);
      },
      () => !leaving && closeRef.current(),
    );
    return () => {
      leaving = true;
      setJoined(false);
      setHeard([]);
      room.off(RoomEvent.TrackSubscribed, add).off(RoomEvent.TrackUnsubscribed, drop);
      room.off(RoomEvent.Disconnected, left);
      void room.disconnect();
    };
  }, [room, grant]);

  const voices = heard.filter((h) => h.track.kind === Track.Kind.Audio);
  const faces = heard.filter((h) => h.track.kind === Track.Kind.Video);
  const people = [...new Map(heard.map((h) => [`${h.role}:${h.name}`, h])).values()];
  return (
    <section
      className="listen-pane"
      data-testid="listen-pane"
      data-mode={joined ? grant.mode : undefined}
      aria-label={t('listenIn.heading')}
    >
      <h3>{t('listenIn.heading')}</h3>
      <div role="group" aria-label={t('listenIn.modes')} className="controls">
        {MONITOR_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            data-testid={`monitor-${mode}`}
            aria-pressed={grant.mode === mode}
            onClick={() => grant.mode !== mode && onMode(mode)}
          >
            {t(`listenIn.mode.${mode}`)}
          </button>
        ))}
      </div>
      <p className="hint" data-testid="monitor-hint">
        {t(`listenIn.modeHint.${grant.mode}`)}
      </p>
      {faces.length > 0 && (
        <div className="listen-videos">
          {faces.map((h) => (
            <TrackElement key={h.sid} heard={h} />
          ))}
        </div>
      )}
      {voices.map((h) => (
        <TrackElement key={h.sid} heard={h} />
      ))}
      {people.length === 0 ? (
        <p className="muted">{joined ? t('listenIn.nobody') : t('listenIn.connecting')}</p>
      ) : (
        <ul className="listen-heard" data-testid="listen-heard">
          {people.map((h) => (
            <li key={`${h.role}:${h.name}`} data-role={h.role}>
              {t('listenIn.heard', { name: h.name, role: t(`listenIn.${h.role}`) })}
            </li>
          ))}
        </ul>
      )}
      <LiveCaptions room={room} viewer="supervisor" />
      <button type="button" className="danger" data-testid="listen-end" onClick={onEnd}>
        {t('listenIn.end')}
      </button>
    </section>
  );
}

/** One track in an element of its own, detached again when it goes. */
function TrackElement({ heard }: { heard: Heard }) {
  const audio = useRef<HTMLAudioElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = audio.current ?? video.current;
    if (!element) return;
    heard.track.attach(element);
    return () => void heard.track.detach(element);
  }, [heard.track]);
  return heard.track.kind === Track.Kind.Audio ? (
    <audio ref={audio} autoPlay data-testid="listen-audio" data-role={heard.role} />
  ) : (
    <video ref={video} autoPlay playsInline muted data-testid="listen-video" data-role={heard.role} />
  );
}
