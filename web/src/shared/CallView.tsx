import { Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from './ChatPanel.js';
import type { Conversation } from './useConversation.js';

export interface CallProps {
  livekitUrl: string;
  token: string;
  video: boolean;
  /** False for a silent supervisor: subscribe only. */
  publish?: boolean;
  onHangUp: () => void;
  /**
   * An agent's call while it works in another session: it stays in the room, but its microphone
   * and camera are off and it does not hear the other side, as a call on hold.
   */
  onHold?: boolean;
  /**
   * The request's conversation beside the call. Chat goes through Lifeline, not the room's data
   * channel, so every line is stored with the case and reaches the other side's devices too.
   */
  conversation?: Conversation;
}

/** One LiveKit room: local and remote media, mute, camera, hang up, and the request's chat. */
export function CallView({
  livekitUrl,
  token,
  video,
  publish = true,
  onHangUp,
  onHold = false,
  conversation,
}: CallProps) {
  const { t } = useTranslation();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const remoteAudio = useRef<HTMLAudioElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [muted, setMuted] = useState(false);
  const [cameraOn, setCameraOn] = useState(video);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const attach = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && remoteVideo.current) track.attach(remoteVideo.current);
      if (track.kind === Track.Kind.Audio && remoteAudio.current) track.attach(remoteAudio.current);
    };
    room.on(RoomEvent.TrackSubscribed, attach);
    let left = false;
    void (async () => {
      await room.connect(livekitUrl, token);
      if (!left) setConnected(true);
    })();
    return () => {
      left = true;
      room.off(RoomEvent.TrackSubscribed, attach);
      setConnected(false);
      void room.disconnect();
    };
  }, [room, livekitUrl, token]);

  // What this side sends follows its own mute and camera choices, and holding silences both ways.
  const micOn = publish && !muted && !onHold;
  const sendVideo = publish && video && cameraOn && !onHold;
  useEffect(() => {
    if (!connected || !publish) return;
    void (async () => {
      await room.localParticipant.setMicrophoneEnabled(micOn);
      await room.localParticipant.setCameraEnabled(sendVideo);
      const camera = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
      if (sendVideo && camera && localVideo.current) camera.attach(localVideo.current);
    })();
  }, [room, connected, publish, micOn, sendVideo]);
  useEffect(() => {
    if (remoteAudio.current) remoteAudio.current.muted = onHold;
  }, [onHold]);

  const toggleMute = () => setMuted(!muted);
  const toggleCamera = () => setCameraOn(!cameraOn);
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
      {publish && conversation && <ChatPanel conversation={conversation} />}
    </section>
  );
}
