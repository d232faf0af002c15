import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/languageName.js';
import type { ConsultInvite } from './transfers.js';

/** A colleague asks this agent to consult on their call: who, about what, join or decline. */
export function ConsultInviteCard({
  invite,
  onAccept,
  onDecline,
}: {
  invite: ConsultInvite;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { request } = invite;
  return (
    <section
      className="offer consult-invite"
      data-testid="consult-invite"
      aria-label={t('transfer.inviteTitle', { name: invite.fromName })}
    >
      <h3>{t('transfer.inviteTitle', { name: invite.fromName })}</h3>
      <p>
        {t(`categories.${request.category}`)} · {t(`levels.${request.urgency.level}`)} ·{' '}
        {languageName(request.language, i18n.language)}
      </p>
      {request.text && <blockquote>{request.text}</blockquote>}
      <div className="controls">
        <button type="button" className="primary" data-testid="consult-accept" onClick={onAccept}>
          {t('transfer.inviteAccept')}
        </button>
        <button type="button" data-testid="consult-decline" onClick={onDecline}>
          {t('transfer.inviteDecline')}
        </button>
      </div>
    </section>
  );
}
