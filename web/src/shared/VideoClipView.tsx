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

/** The files a conversation line carries (a user's video clip), for a chat to show under its text. */
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
      {attachments.map((file) => (
        <figure key={file.url} className="video-feedback" data-testid="message-video">
          {file.seconds !== undefined && (
            <figcaption>{t('video.length', { seconds: Math.round(file.seconds) })}</figcaption>
          )}
          <VideoClipView url={file.url} thumbnailUrl={file.thumbnailUrl} token={token} />
          {file.hasAudio === false && <p className="muted">{t('video.noSound')}</p>}
        </figure>
      ))}
    </>
  );
}
