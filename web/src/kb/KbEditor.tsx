import type { KbArticle, KbArticleBody } from '@lifeline/core/protocol/kb.js';
import { CATEGORIES, KB_LIMITS, type CategoryName } from '@lifeline/core/protocol/vocabulary.js';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleMarkdown } from '../shared/ArticleMarkdown.js';
import { api } from '../shared/api.js';

const EMPTY: KbArticleBody = {
  title: '',
  body: '',
  language: 'en',
  category: 'general',
  tags: [],
  published: true,
};

/** The knowledge base for supervisors: the articles by language, and one at a time to write, with a preview. */
export function KbEditor({ token }: { token: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState('en');
  const [articles, setArticles] = useState<KbArticle[]>([]);
  const [editing, setEditing] = useState<{ id: string | null; draft: KbArticleBody } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api<{ articles: KbArticle[] }>(`/v1/admin/kb/articles?lang=${language}&limit=500`, { token }).then(
        (reply) => setArticles(reply.articles),
        (caught: Error) => setMessage(caught.message),
      ),
    [language, token],
  );
  useEffect(() => void load(), [load]);

  const save = async () => {
    if (!editing) return;
    const { id, draft } = editing;
    try {
      await api(id ? `/v1/admin/kb/articles/${id}` : '/v1/admin/kb/articles', {
        token,
        method: id ? 'PUT' : 'POST',
        body: draft,
      });
      setEditing(null);
      setMessage(t('kb.saved'));
      await load();
    } catch (caught) {
      setMessage((caught as Error).message);
    }
  };
  const remove = async (id: string) => {
    await api(`/v1/admin/kb/articles/${id}`, { token, method: 'DELETE' }).catch((caught: Error) =>
      setMessage(caught.message),
    );
    setEditing(null);
    await load();
  };
  const edit = (patch: Partial<KbArticleBody>) =>
    setEditing((e) => e && { ...e, draft: { ...e.draft, ...patch } });

  return (
    <section className="kb-editor" data-testid="kb-editor">
      <h2>{t('kb.title')}</h2>
      <label>
        {t('kb.language')}{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value)} data-testid="kb-language">
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </label>{' '}
      <button type="button" onClick={() => setEditing({ id: null, draft: { ...EMPTY, language } })}>
        {t('kb.new')}
      </button>
      {message && <p role="status">{message}</p>}
      <ul className="kb-list">
        {articles.map((article) => (
          <li key={article.id}>
            <button
              type="button"
              className="link"
              onClick={() => setEditing({ id: article.id, draft: toBody(article) })}
            >
              {article.title}
            </button>{' '}
            <span className="muted">
              {t(`categories.${article.category}`)}
              {article.published ? '' : ` · ${t('kb.draft')}`}
            </span>
          </li>
        ))}
      </ul>
      {editing && (
        <form
          className="kb-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('kb.articleTitle')}
            <input
              data-testid="kb-title"
              value={editing.draft.title}
              maxLength={KB_LIMITS.titleChars}
              required
              onChange={(e) => edit({ title: e.target.value })}
            />
          </label>
          <label>
            {t('kb.category')}
            <select
              value={editing.draft.category}
              onChange={(e) => edit({ category: e.target.value as CategoryName })}
            >
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`categories.${category}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kb.tags')}
            <input
              value={(editing.draft.tags ?? []).join(', ')}
              onChange={(e) => edit({ tags: splitTags(e.target.value) })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={editing.draft.published ?? true}
              onChange={(e) => edit({ published: e.target.checked })}
            />{' '}
            {t('kb.published')}
          </label>
          <div className="kb-columns">
            <label>
              {t('kb.body')}
              <textarea
                data-testid="kb-body"
                rows={14}
                value={editing.draft.body}
                maxLength={KB_LIMITS.bodyChars}
                required
                onChange={(e) => edit({ body: e.target.value })}
              />
            </label>
            <div data-testid="kb-preview">
              <h3>{t('kb.preview')}</h3>
              <ArticleMarkdown body={editing.draft.body} />
            </div>
          </div>
          <div className="controls">
            <button type="submit" className="primary" data-testid="kb-save">
              {t('kb.save')}
            </button>
            {editing.id && (
              <button type="button" onClick={() => void remove(editing.id!)}>
                {t('kb.delete')}
              </button>
            )}
            <button type="button" onClick={() => setEditing(null)}>
              {t('kb.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

const toBody = ({ title, body, language, category, tags, published }: KbArticle): KbArticleBody => ({
  title,
  body,
  language,
  category,
  tags,
  published,
});

const splitTags = (text: string) =>
  [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, KB_LIMITS.tags);
