import { Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CallProps {
  livekitUrl: string;
  token: string;
  video: boolean;
  /** False for a silent supervisor: subscribe only. */
  publish?: boolean;
  onHangUp: () => void;
  /** Text the parent wants sent over the data channel (quick replies). */
  outgoing?: { text: string; at: number } | null;
}

interface ChatLine {
  from: 'me' | 'them';
  text: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One LiveKit room: local and remote media, mute, camera, hang up, and chat over the data channel. */
export function CallView({ livekitUrl, token, video, publish = true, onHangUp, outgoing }: CallProps) {
  const { t } = useTranslation();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const remoteAudio = useRef<HTMLAudioElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [muted, setMuted] = useState(false);
  const [cameraOn, setCameraOn] = useState(video);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    const attach = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && remoteVideo.current) track.attach(remoteVideo.current);
      if (track.kind === Track.Kind.Audio && remoteAudio.current) track.attach(remoteAudio.current);
    };
    room.on(RoomEvent.TrackSubscribed, attach);
    room.on(RoomEvent.DataReceived, (payload) => {
      const message = JSON.parse(decoder.decode(payload)) as { type: string; text: string };
      if (message.type === 'chat') setChat((lines) => [...lines, { from: 'them', text: message.text }]);
    });
    let left = false;
    void (async () => {
      await room.connect(livekitUrl, token);
      if (left || !publish) return;
      await room.localParticipant.setMicrophoneEnabled(true);
      if (video) {
        await room.localParticipant.setCameraEnabled(true);
        const camera = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
        if (camera && localVideo.current) camera.attach(localVideo.current);
      }
    })();
    return () => {
      left = true;
      void room.disconnect();
    };
  }, [room, livekitUrl, token, video, publish]);

  const say = (text: string) => {
    if (!text.trim()) return;
    void room.localParticipant.publishData(encoder.encode(JSON.stringify({ type: 'chat', text })), {
      reliable: true,
    });
    setChat((lines) => [...lines, { from: 'me', text }]);
  };

  useEffect(() => {
    if (outgoing) say(outgoing.text);
  }, [outgoing]);

  const toggleMute = () => {
    void room.localParticipant.setMicrophoneEnabled(muted);
    setMuted(!muted);
  };
  const toggleCamera = () => {
    void room.localParticipant.setCameraEnabled(!cameraOn);
    setCameraOn(!cameraOn);
  };
  const hangUp = () => {
    void room.disconnect();
    onHangUp();
  };

  return (
    <section className="call" data-testid="call-view" aria-label={t('call.hangUp')}>
      <div className="videos">
        <video data-testid="remote-video" className="remote" ref={remoteVideo} autoPlay playsInline />
        {publish && video && (
          <video data-testid="local-video" className="local" ref={localVideo} autoPlay playsInline muted />
        )}
        <audio ref={remoteAudio} autoPlay />
      </div>
      {!publish && <p className="hint">{t('call.listening')}</p>}
      <div className="controls">
        {publish && (
          <button type="button" onClick={toggleMute} aria-pressed={muted}>
            {muted ? t('call.unmute') : t('call.mute')}
          </button>
        )}
        {publish && video && (
          <button type="button" onClick={toggleCamera} aria-pressed={!cameraOn}>
            {cameraOn ? t('call.cameraOff') : t('call.cameraOn')}
          </button>
        )}
        <button type="button" className="danger" data-testid="call-end" onClick={hangUp}>
          {t('call.hangUp')}
        </button>
      </div>
      {publish && (
        <form
          className="chat"
          onSubmit={(event) => {
            event.preventDefault();
            say(draft);
            setDraft('');
          }}
        >
          <ul aria-live="polite" data-testid="call-chat">
            {chat.map((line, i) => (
              <li key={i} className={line.from}>
                {line.text}
              </li>
            ))}
          </ul>
          <label>
            <span className="sr-only">{t('call.chat')}</span>
            <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('call.chat')} />
          </label>
        </form>
      )}
    </section>
  );
}
