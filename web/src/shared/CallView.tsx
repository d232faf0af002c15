import { Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from './ChatPanel.js';
import { LiveCaptions } from './LiveCaptions.js';
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
  /** The agent's side only: live captions and the caller's mood; the user never gets them. */
  captions?: boolean;
  /**
   * While set, only this participant may subscribe to what this side publishes (track
   * subscription permissions, enforced by the media server): two agents consulting while the
   * user holds. Unset, everyone in the room may.
   */
  audibleTo?: string;
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
  captions = false,
  audibleTo,
}: CallProps) {
  const { t } = useTranslation();
  const remoteVideo = useRef<HTMLVideoElement>(null);
  // One element per remote voice: one shared <audio> holds only the last track attached to it,
  // and a call may carry the user, the agent and a coaching or barging supervisor.
  const [voices, setVoices] = useState<RemoteTrack[]>([]);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [muted, setMuted] = useState(false);
  const [cameraOn, setCameraOn] = useState(video);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const attach = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && remoteVideo.current) track.attach(remoteVideo.current);
      if (track.kind === Track.Kind.Audio) setVoices((now) => [...now.filter((v) => v !== track), track]);
    };
    const detach = (track: RemoteTrack) => setVoices((now) => now.filter((v) => v !== track));
    room.on(RoomEvent.TrackSubscribed, attach).on(RoomEvent.TrackUnsubscribed, detach);
    let left = false;
    void (async () => {
      await room.connect(livekitUrl, token);
      if (!left) setConnected(true);
    })();
    return () => {
      left = true;
      room.off(RoomEvent.TrackSubscribed, attach).off(RoomEvent.TrackUnsubscribed, detach);
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
      // Who may hear this side is settled before anything is published.
      if (audibleTo)
        room.localParticipant.setTrackSubscriptionPermissions(false, [
          { participantIdentity: audibleTo, allowAll: true },
        ]);
      else room.localParticipant.setTrackSubscriptionPermissions(true);
      await room.localParticipant.setMicrophoneEnabled(micOn);
      await room.localParticipant.setCameraEnabled(sendVideo);
      const camera = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
      if (sendVideo && camera && localVideo.current) camera.attach(localVideo.current);
    })();
  }, [room, connected, publish, micOn, sendVideo, audibleTo]);

  const toggleMute = () => setMuted(!muted);
  const toggleCamera = () => setCameraOn(!cameraOn);
  const hangUp = () => {
    void room.disconnect();
    onHangUp();
  };

  return (
    <section className="call" data-testid="call-view" aria-label={t('widget.call')}>
      {/* For the outline: under the widget's or the session's h2, above the captions' h4. */}
      <h3 className="sr-only">{t('widget.call')}</h3>
      <div className="videos">
        <video data-testid="remote-video" className="remote" ref={remoteVideo} autoPlay playsInline />
        {publish && video && (
          <video data-testid="local-video" className="local" ref={localVideo} autoPlay playsInline muted />
        )}
        {voices.map((track) => (
          <Voice key={track.sid} track={track} muted={onHold} />
        ))}
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
      {captions && <LiveCaptions room={room} viewer="agent" />}
      {publish && conversation && <ChatPanel conversation={conversation} />}
    </section>
  );
}

/** One remote voice in an element of its own, silent while the call is on hold. */
function Voice({ track, muted }: { track: RemoteTrack; muted: boolean }) {
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);
  useEffect(() => {
    if (audio.current) audio.current.muted = muted;
  }, [muted]);
  return <audio ref={audio} autoPlay data-testid="remote-audio" />;
}
