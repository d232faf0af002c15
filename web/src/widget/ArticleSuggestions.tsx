import type { KbHit, KbSearchReply } from '@lifeline/core/protocol/kb.js';
import { KB_LIMITS } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { ArticleChips } from '../shared/ArticleView.js';

/** Typing pauses this long before a search: one query per thought, not per key. */
const PAUSE_MS = 400;
/** Enough words to search on: Chinese says in a few characters what English says in a dozen. */
const minChars = (language: string) => (language.startsWith('zh') ? 4 : 12);
const SHOWN = 3;

/**
 * Before a call or a recording: articles from the public search that may answer it already, so
 * the user can read one instead of waiting for a person. A text request gets the assistant instead.
 */
export function ArticleSuggestions({ text, language }: { text: string; language: string }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<KbHit[]>([]);
  useEffect(() => {
    const q = text.trim().slice(0, KB_LIMITS.queryChars);
    if (q.length < minChars(language)) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q, lang: language, limit: String(SHOWN) });
      void api<KbSearchReply>(`/v1/kb/search?${query}`).then(
        (reply) => current && setHits(reply.results),
        // Suggestions are a help, not a step: a failed search shows none.
        () => current && setHits([]),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, language]);
  if (hits.length === 0) return null;
  return (
    <div className="suggestions" data-testid="article-suggestions">
      <p className="hint">{t('assistant.suggestions')}</p>
      <ArticleChips articles={hits} />
    </div>
  );
}
