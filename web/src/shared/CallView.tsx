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
   * The request's conversation beside the call. Chat goes through Lifeline, not the room's data
   * channel, so every line is stored with the case and reaches the other side's devices too.
   */
  conversation?: Conversation;
}

/** One LiveKit room: local and remote media, mute, camera, hang up, and the request's chat. */
export function CallView({ livekitUrl, token, video, publish = true, onHangUp, conversation }: CallProps) {
  const { t } = useTranslation();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const remoteAudio = useRef<HTMLAudioElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [muted, setMuted] = useState(false);
  const [cameraOn, setCameraOn] = useState(video);

  useEffect(() => {
    const attach = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && remoteVideo.current) track.attach(remoteVideo.current);
      if (track.kind === Track.Kind.Audio && remoteAudio.current) track.attach(remoteAudio.current);
    };
    room.on(RoomEvent.TrackSubscribed, attach);
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
      {publish && conversation && <ChatPanel conversation={conversation} />}
    </section>
  );
}
