import type { HelpRequestView } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, mediaUrl } from '../shared/api.js';
import type { Offer } from './useAgentSession.js';
import { HandoffNote } from './HandoffNote.js';
import { RoutingReasons } from './RoutingReasons.js';
import { SHORTCUTS } from './useConsoleShortcuts.js';
import { VideoFeedback } from './VideoFeedback.js';
import { languageName } from '../i18n/languageName.js';

const DETAILS_REFRESH_MS = 1500;

/** An incoming request with its countdown, urgency and reasons, transcript, voice or video, accept or decline. */
export function OfferCard({
  offer,
  token,
  shortcuts = false,
  onAccept,
  onDecline,
}: {
  offer: Offer;
  token: string;
  /** The oldest offer answers to Alt+A and Alt+D, and says so. */
  shortcuts?: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(Math.ceil(offer.expiresInMs / 1000));
  const [details, setDetails] = useState<HelpRequestView | null>(null);
  const [audio, setAudio] = useState<string | null>(null);
  const { request } = offer;

  useEffect(() => {
    const timer = setInterval(
      () => setLeft(Math.max(0, Math.ceil((offer.receivedAt + offer.expiresInMs - Date.now()) / 1000))),
      250,
    );
    return () => clearInterval(timer);
  }, [offer]);
  useEffect(() => {
    let current = true;
    let audioLoaded = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void api<HelpRequestView>(`/v1/help-requests/${request.id}`, { token }).then(
        async (view) => {
          if (!current) return;
          setDetails(view);
          // A recording may still be on its way (the request is offered as soon as it is made) or
          // being transcribed: look again until its transcript is settled.
          const settled = view.transcript?.status === 'done' || view.transcript?.status === 'failed';
          if (view.channel === 'voice' && !settled) timer = setTimeout(load, DETAILS_REFRESH_MS);
          if (view.voice && !audioLoaded) {
            audioLoaded = true;
            setAudio(await mediaUrl(`/v1/help-requests/${request.id}/voice`, token).catch(() => null));
          }
        },
        () => undefined,
      );
    load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request.id, token]);

  return (
    <article
      className={`offer level-${request.urgency.level}`}
      data-testid="offer-card"
      aria-live="assertive"
    >
      <header>
        <h2>{t('agent.offer')}</h2>
        <span className="countdown" data-testid="offer-countdown">
          {t('agent.expires', { seconds: left })}
        </span>
      </header>
      <p>
        <strong className="level">{t(`levels.${request.urgency.level}`)}</strong> ·{' '}
        {t(`categories.${request.category}`)} ·{' '}
        <span data-testid="offer-language">
          {request.statedLanguage
            ? t('agent.languageDiffers', {
                language: languageName(request.language, i18n.language),
                stated: languageName(request.statedLanguage, i18n.language),
              })
            : languageName(request.language, i18n.language)}
        </span>{' '}
        · {t('agent.tier')}: {request.tier} · {t('agent.waited', { seconds: request.waitedSeconds })}
      </p>
      {request.stream && (
        <p className="muted">
          {t('agent.stream', { id: request.stream.id, offset: request.stream.offsetSeconds })}
        </p>
      )}
      <HandoffNote reason={request.handoffReason ?? details?.handoffReason} transfer={request.transfer} />
      <RoutingReasons queue={request.queue} reasons={request.routingReasons} />
      {request.text && <blockquote>{request.text}</blockquote>}
      {details?.transcript && !details.video && (
        <p data-testid="offer-transcript">
          {t('agent.transcript')}:{' '}
          {details.transcript.status === 'done'
            ? details.transcript.text
            : details.transcript.status === 'failed'
              ? t('agent.transcriptUnavailable')
              : t('agent.transcriptPending')}
        </p>
      )}
      {audio && (
        <label>
          {t('agent.play')}
          <audio controls src={audio} />
        </label>
      )}
      {details?.video && <VideoFeedback token={token} view={details} />}
      <details>
        <summary>{t('agent.reasons')}</summary>
        <ul>
          {request.urgency.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </details>
      <div className="controls">
        <button
          type="button"
          className="primary"
          data-testid="offer-accept"
          aria-keyshortcuts={shortcuts ? SHORTCUTS.accept : undefined}
          onClick={onAccept}
        >
          {t('agent.accept')}
          {shortcuts && <kbd aria-hidden="true">{SHORTCUTS.accept}</kbd>}
        </button>
        <button
          type="button"
          data-testid="offer-decline"
          aria-keyshortcuts={shortcuts ? SHORTCUTS.decline : undefined}
          onClick={onDecline}
        >
          {t('agent.decline')}
          {shortcuts && <kbd aria-hidden="true">{SHORTCUTS.decline}</kbd>}
        </button>
      </div>
    </article>
  );
}
