import type { ListenGrant } from '@lifeline/core/protocol/floor.js';
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
 * A supervisor's silent listen-in. Every remote track gets an element of its own: one shared
 * <audio> would hold only the last track attached to it, so only one party would be heard.
 * The pane closes itself when the room goes away (the session ended) or on "End listening".
 */
export function ListenPane({ grant, onClose }: { grant: ListenGrant; onClose: () => void }) {
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
      () => setJoined(!leaving),
      () => !leaving && closeRef.current(),
    );
    return () => {
      leaving = true;
      room.off(RoomEvent.TrackSubscribed, add).off(RoomEvent.TrackUnsubscribed, drop);
      room.off(RoomEvent.Disconnected, left);
      void room.disconnect();
    };
  }, [room, grant.livekitUrl, grant.token]);

  const voices = heard.filter((h) => h.track.kind === Track.Kind.Audio);
  const faces = heard.filter((h) => h.track.kind === Track.Kind.Video);
  const people = [...new Map(heard.map((h) => [`${h.role}:${h.name}`, h])).values()];
  return (
    <section className="listen-pane" data-testid="listen-pane" aria-label={t('listenIn.heading')}>
      <h3>{t('listenIn.heading')}</h3>
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
      <p className="hint">{t('call.listening')}</p>
      <button
        type="button"
        className="danger"
        data-testid="listen-end"
        onClick={() => void room.disconnect()}
      >
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
