import type { HelpRequestView } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { VideoClipView } from '../shared/VideoClipView.js';

/** A user's video feedback as the agent sees it: the still, the clip on a click, the transcript of its sound. */
export function VideoFeedback({ token, view }: { token: string; view: HelpRequestView }) {
  const { t } = useTranslation();
  if (!view.video) return null;
  const url = `/v1/help-requests/${view.id}/video`;
  return (
    <figure className="video-feedback" data-testid="video-feedback">
      <figcaption>
        {t('video.heading')} · {t('video.length', { seconds: Math.round(view.video.seconds) })}
      </figcaption>
      <VideoClipView url={url} thumbnailUrl={`${url}/thumbnail`} token={token} />
      <p data-testid="video-transcript">
        {t('agent.transcript')}:{' '}
        {!view.video.hasAudio
          ? t('video.noSound')
          : view.transcript?.status === 'done'
            ? view.transcript.text
            : view.transcript?.status === 'failed'
              ? t('agent.transcriptUnavailable')
              : t('agent.transcriptPending')}
      </p>
    </figure>
  );
}

const REFRESH_MS = 2000;
/** A recorded message arrives soon after its request, or not at all: stop looking after 3 minutes. */
const MAX_LOOKS = 90;

/**
 * The video of the request being served, if it has one, beside the call or conversation. The clip
 * or its transcript may still be on its way, so the request is looked at again until it is settled.
 */
export function VideoFeedbackFor({ token, requestId }: { token: string; requestId: string }) {
  const [view, setView] = useState<HelpRequestView | null>(null);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let looks = 0;
    const load = () =>
      void api<HelpRequestView>(`/v1/help-requests/${requestId}`, { token }).then(
        (loaded) => {
          if (!current) return;
          setView(loaded);
          const status = loaded.transcript?.status;
          const settled = status === 'done' || status === 'failed';
          looks += 1;
          if (loaded.channel === 'voice' && !settled && looks < MAX_LOOKS)
            timer = setTimeout(load, REFRESH_MS);
        },
        () => undefined,
      );
    load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [requestId, token]);
  return view ? <VideoFeedback token={token} view={view} /> : null;
}
