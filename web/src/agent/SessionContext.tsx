import type { OfferedRequest } from '@lifeline/core/protocol/frames.js';
import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/languageName.js';

/**
 * What the offer showed about the user, kept at the top of the session's tab from accept until the
 * wrap-up is saved: who they are, their tier, the stream they were watching and their language.
 */
export function SessionContext({ request, name }: { request?: OfferedRequest; name?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section
      className="session-context"
      data-testid="session-context"
      aria-label={t('agent.sessions.context')}
    >
      {/* Heads the session's tab for the outline: its call and panels are h3 and below. */}
      <h2 className="sr-only">{t('agent.sessions.context')}</h2>
      <dl>
        <div>
          <dt>{t('agent.sessions.user')}</dt>
          <dd data-testid="context-name">{name ?? t('agent.unnamed')}</dd>
        </div>
        {request && (
          <>
            <div>
              <dt>{t('agent.tier')}</dt>
              <dd data-testid="context-tier">{request.tier}</dd>
            </div>
            <div>
              <dt>{t('agent.sessions.language')}</dt>
              <dd data-testid="context-language">
                {request.statedLanguage
                  ? t('agent.languageDiffers', {
                      language: languageName(request.language, i18n.language),
                      stated: languageName(request.statedLanguage, i18n.language),
                    })
                  : languageName(request.language, i18n.language)}
              </dd>
            </div>
            <div>
              <dt>{t('agent.sessions.stream')}</dt>
              <dd data-testid="context-stream">
                {request.stream
                  ? t('agent.stream', { id: request.stream.id, offset: request.stream.offsetSeconds })
                  : t('agent.sessions.noStream')}
              </dd>
            </div>
            <div>
              <dt>{t('agent.sessions.request')}</dt>
              <dd>
                {t(`levels.${request.urgency.level}`)} · {t(`categories.${request.category}`)} ·{' '}
                {t(`agent.channels.${request.channel}`)}
              </dd>
            </div>
          </>
        )}
      </dl>
    </section>
  );
}
