import type { IncidentNotice } from '@lifeline/core/protocol/incidents.js';
import { useTranslation } from 'react-i18next';

/**
 * What the platform said about the incident the user's case is part of. Waiting, they may say it
 * solved their problem (their case closes) or that they still need a person; after a resolution
 * closed their case, "I still need help" puts it back in the line.
 */
export function IncidentBanner({
  notice,
  waiting,
  closedByIt,
  onStillNeedHelp,
  onSolved,
}: {
  notice: IncidentNotice;
  waiting: boolean;
  closedByIt: boolean;
  onStillNeedHelp: () => void;
  onSolved: () => void;
}) {
  const { t } = useTranslation();
  const canAnswer = !notice.stillNeedHelp && (waiting || closedByIt);
  return (
    <section className="incident-banner" role="status" aria-live="polite" data-testid="incident-banner">
      <h3>{t(notice.resolved ? 'incident.resolved' : 'incident.status', { title: notice.title })}</h3>
      <p data-testid="incident-message">{notice.message}</p>
      {notice.stillNeedHelp && <p data-testid="incident-kept">{t('incident.kept')}</p>}
      {canAnswer && (
        <div role="group" aria-label={t('incident.question')}>
          <p>{t('incident.question')}</p>
          {waiting && (
            <button type="button" data-testid="incident-solved" onClick={onSolved}>
              {t('incident.solved')}
            </button>
          )}
          <button
            type="button"
            className="primary"
            data-testid="incident-still-need-help"
            onClick={onStillNeedHelp}
          >
            {t('incident.stillNeedHelp')}
          </button>
        </div>
      )}
    </section>
  );
}
