import type { KbHit, KbSuggestions } from '@lifeline/core/protocol/kb.js';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';

/** How often the suggestions follow the conversation while the case is open. */
const REFRESH_MS = 10_000;

/**
 * Knowledge-base articles that match what the user has said, in their language. Choosing one puts
 * it in the reply box, for the agent to edit before sending.
 */
export function SuggestedArticles({
  token,
  requestId,
  onChoose,
}: {
  token: string;
  requestId: string;
  onChoose: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [articles, setArticles] = useState<KbHit[]>([]);
  const load = useCallback(
    () =>
      void api<KbSuggestions>(`/v1/help-requests/${requestId}/suggestions`, { token }).then(
        (reply) => setArticles(reply.articles),
        () => setArticles([]),
      ),
    [requestId, token],
  );
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  return (
    <section aria-label={t('agent.suggestedArticles')} data-testid="suggested-articles">
      <h3>{t('agent.suggestedArticles')}</h3>
      {articles.length === 0 ? (
        <p className="muted">{t('agent.noSuggestions')}</p>
      ) : (
        <div className="reply-buttons">
          {articles.map((article) => (
            <button
              key={article.id}
              type="button"
              data-testid={`suggested-${article.id}`}
              title={article.snippet}
              onClick={() => onChoose(`${article.title}\n\n${article.snippet}`)}
            >
              {article.title}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
