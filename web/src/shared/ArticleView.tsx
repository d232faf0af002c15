import type { KbArticle } from '@lifeline/core/protocol/kb.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.js';
import { ArticleMarkdown } from './ArticleMarkdown.js';

/**
 * One published article, read in place from the public knowledge base: the user stays in the
 * conversation (and the assistant keeps holding it) while reading.
 */
export function ArticleView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [failed, setFailed] = useState(false);
  const shown = useRef<HTMLElement>(null);
  // It opens inside a scrolling conversation: bring it into view once there is something to read.
  useEffect(() => {
    if (article) shown.current?.scrollIntoView({ block: 'nearest' });
  }, [article]);
  useEffect(() => {
    let current = true;
    setArticle(null);
    setFailed(false);
    void api<KbArticle>(`/v1/kb/articles/${encodeURIComponent(id)}`).then(
      (found) => current && setArticle(found),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return (
    <section className="article-view" data-testid="article-view" aria-live="polite" ref={shown}>
      {article ? (
        <>
          <h4>{article.title}</h4>
          <ArticleMarkdown body={article.body} />
        </>
      ) : (
        <p className="muted">{failed ? t('assistant.articleUnavailable') : t('assistant.articleLoading')}</p>
      )}
      <button type="button" data-testid="article-close" onClick={onClose}>
        {t('assistant.closeArticle')}
      </button>
    </section>
  );
}

/** Article titles as chips; the one chosen opens below them, and again closes it. */
export function ArticleChips({ articles }: { articles: readonly { id: string; title: string }[] }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState<string | null>(null);
  return (
    <div className="article-chips">
      <div role="group" aria-label={t('assistant.articles')}>
        {articles.map((article) => (
          <button
            key={article.id}
            type="button"
            className="chip"
            data-testid="article-link"
            aria-pressed={reading === article.id}
            title={t('assistant.openArticle', { title: article.title })}
            onClick={() => setReading((open) => (open === article.id ? null : article.id))}
          >
            {article.title}
          </button>
        ))}
      </div>
      {reading && <ArticleView id={reading} onClose={() => setReading(null)} />}
    </div>
  );
}
