import type { MessageAttachment } from '@lifeline/core/protocol/conversations.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from './api.js';

/**
 * A video clip behind a bearer token: its still at once, the clip itself on a click (the files
 * need the reader's token, so they are fetched into object URLs, not linked).
 */
export function VideoClipView({
  url,
  thumbnailUrl,
  token,
}: {
  url: string;
  thumbnailUrl?: string;
  token: string;
}) {
  const { t } = useTranslation();
  const [still, setStill] = useState<string | null>(null);
  const [clip, setClip] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!thumbnailUrl) return;
    let current = true;
    let made: string | null = null;
    void mediaUrl(thumbnailUrl, token).then(
      (loaded) => {
        made = loaded;
        if (current) setStill(loaded);
        else URL.revokeObjectURL(loaded);
      },
      () => undefined,
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [thumbnailUrl, token]);
  useEffect(() => () => void (clip && URL.revokeObjectURL(clip)), [clip]);

  const play = () =>
    void mediaUrl(url, token).then(
      (loaded) => setClip(loaded),
      () => setFailed(true),
    );
  return (
    <>
      {clip ? (
        <video className="video-clip" data-testid="video-clip" controls autoPlay playsInline src={clip} />
      ) : (
        <button type="button" className="video-still" data-testid="video-play" onClick={play}>
          {still && <img src={still} alt={t('video.thumbnail')} data-testid="video-thumbnail" />}
          <span>{t('video.play')}</span>
        </button>
      )}
      {failed && <p className="error">{t('video.unavailable')}</p>}
    </>
  );
}

/** A voice message behind a bearer token: fetched into an object URL when the reader asks to hear it. */
export function VoiceClipView({ url, token }: { url: string; token: string }) {
  const { t } = useTranslation();
  const [audio, setAudio] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => void (audio && URL.revokeObjectURL(audio)), [audio]);
  const play = () =>
    void mediaUrl(url, token).then(
      (loaded) => setAudio(loaded),
      () => setFailed(true),
    );
  return (
    <>
      {audio ? (
        <audio data-testid="voice-audio" controls autoPlay src={audio} />
      ) : (
        <button type="button" data-testid="voice-play" onClick={play}>
          {t('voiceMessage.play')}
        </button>
      )}
      {failed && <p className="error">{t('voiceMessage.unavailable')}</p>}
    </>
  );
}

/** The files a conversation line carries (a voice message or a video clip), for a chat to show under its text. */
export function MessageAttachments({
  attachments,
  token,
}: {
  attachments: MessageAttachment[];
  token: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {attachments.map((file) =>
        file.kind === 'voice' ? (
          <figure key={file.url} className="voice-message" data-testid="message-voice">
            <figcaption>{t('voiceMessage.length', { seconds: Math.round(file.seconds ?? 0) })}</figcaption>
            <VoiceClipView url={file.url} token={token} />
          </figure>
        ) : (
          <figure key={file.url} className="video-feedback" data-testid="message-video">
            {file.seconds !== undefined && (
              <figcaption>{t('video.length', { seconds: Math.round(file.seconds) })}</figcaption>
            )}
            <VideoClipView url={file.url} thumbnailUrl={file.thumbnailUrl} token={token} />
            {file.hasAudio === false && <p className="muted">{t('video.noSound')}</p>}
          </figure>
        ),
      )}
    </>
  );
}
