import type { QueueReply } from '@lifeline/core/protocol/floor.js';
import type { HelpRequestView } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { languageName } from '../i18n/languageName.js';

const POLL_MS = 2000;

/** The live queue, most urgent first, refreshed every two seconds. */
export function QueueList({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [requests, setRequests] = useState<HelpRequestView[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api<QueueReply>('/v1/queue', { token }).then(
        (r) => !stopped && setRequests(r.requests),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token]);
  return (
    <section className="queue" aria-label={t('agent.queue')}>
      <h2>
        {t('agent.queue')} ({requests.length})
      </h2>
      {requests.length === 0 && <p className="muted">{t('agent.empty')}</p>}
      <ol>
        {requests.map((request) => (
          <li key={request.id} data-testid="queue-item" className={`level-${request.urgency.level}`}>
            <strong>{t(`levels.${request.urgency.level}`)}</strong> {Math.round(request.urgency.score)} ·{' '}
            {t(`categories.${request.category}`)} · {languageName(request.language, i18n.language)} ·{' '}
            {request.tier} ·{' '}
            {t('agent.waited', { seconds: Math.round((Date.now() - Date.parse(request.createdAt)) / 1000) })}
            {request.text && <p>{request.text}</p>}
            {request.video && (
              <p className="muted" data-testid="queue-video">
                {t('video.inQueue', { seconds: Math.round(request.video.seconds) })}
              </p>
            )}
            {request.transcript && (
              <p data-testid="queue-transcript">
                {t('agent.transcript')}:{' '}
                {request.transcript.status === 'done'
                  ? request.transcript.text
                  : request.transcript.status === 'failed'
                    ? t('agent.transcriptUnavailable')
                    : t('agent.transcriptPending')}
              </p>
            )}
            <small className="muted">{request.urgency.reasons.join(' · ')}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}
