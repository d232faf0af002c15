import type { CreatedReply, VideoAccepted } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';

/** What the server takes (VIDEO_CONTENT_TYPES), in the order browsers are asked for it. */
const RECORDING_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];
/** The server's default VIDEO_MAX_SECONDS; recording stops itself there. */
const DEFAULT_MAX_SECONDS = 60;

function recordingType(): string | undefined {
  return RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

/** Sends a recorded clip to its help request: POST /v1/help-requests/:id/video. */
export function uploadVideo(created: CreatedReply, clip: Blob): Promise<VideoAccepted> {
  return api<VideoAccepted>(`/v1/help-requests/${created.id}/video`, {
    token: created.accessToken,
    raw: clip,
    contentType: clip.type.split(';')[0],
  });
}

/**
 * Video feedback: records the camera and microphone with MediaRecorder, showing the camera and a
 * timer, and stops by itself at the limit; the user watches it back before sending.
 */
export function VideoRecorder({
  onSend,
  maxSeconds = DEFAULT_MAX_SECONDS,
}: {
  onSend: (clip: Blob) => void;
  maxSeconds?: number;
}) {
  const { t } = useTranslation();
  const [clip, setClip] = useState<Blob | null>(null);
  const [clipUrl, setClipUrl] = useState<string | null>(null);
  const [live, setLive] = useState<MediaStream | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const preview = useRef<HTMLVideoElement | null>(null);
  const stopAll = useRef<() => void>(() => {});

  useEffect(() => () => stopAll.current(), []);
  useEffect(() => {
    if (preview.current) preview.current.srcObject = live;
  }, [live]);
  useEffect(() => () => void (clipUrl && URL.revokeObjectURL(clipUrl)), [clipUrl]);

  const start = async () => {
    setError(null);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    const chunks: Blob[] = [];
    const media = new MediaRecorder(stream, { mimeType: recordingType() });
    media.ondataavailable = (event) => chunks.push(event.data);
    media.onstop = () => {
      const recorded = new Blob(chunks, { type: media.mimeType || 'video/webm' });
      setClip(recorded);
      setClipUrl(URL.createObjectURL(recorded));
    };
    const startedAt = Date.now();
    const timer = setInterval(() => {
      const elapsed = Math.floor((Date.now() - startedAt) / 1000);
      setSeconds(elapsed);
      if (elapsed >= maxSeconds) stopAll.current();
    }, 250);
    stopAll.current = () => {
      clearInterval(timer);
      if (media.state !== 'inactive') media.stop();
      stream.getTracks().forEach((track) => track.stop());
      setLive(null);
    };
    media.start(250);
    setClip(null);
    setSeconds(0);
    setLive(stream);
  };

  return (
    <div className="recorder video-recorder">
      {error && (
        <p role="alert" className="error">
          {t('video.noCamera', { message: error })}
        </p>
      )}
      {!live && !clip && (
        <button type="button" data-testid="video-record" onClick={() => void start()}>
          {t('video.record')}
        </button>
      )}
      {live && (
        <>
          <video
            ref={preview}
            className="video-preview"
            data-testid="video-preview"
            aria-label={t('video.preview')}
            autoPlay
            muted
            playsInline
          />
          <span className="timer" data-testid="video-timer">
            {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')} /{' '}
            {t('video.limit', { seconds: maxSeconds })}
          </span>
          <button type="button" data-testid="video-stop" onClick={() => stopAll.current()}>
            {t('video.stop')}
          </button>
        </>
      )}
      {clip && clipUrl && (
        <>
          <label>
            {t('video.replay')}
            <video className="video-preview" controls playsInline src={clipUrl} data-testid="video-replay" />
          </label>
          <button type="button" onClick={() => void start()}>
            {t('video.again')}
          </button>
          <button type="button" className="primary" data-testid="video-upload" onClick={() => onSend(clip)}>
            {t('video.send')}
          </button>
        </>
      )}
    </div>
  );
}
