import { Type, type Static } from '@sinclair/typebox';
import { Category, LanguageTag } from './domain.js';
import { KB_LIMITS } from './vocabulary.js';
import { AgentLanguageQuery, QuickReply } from './floor.js';

/** The knowledge base: articles the assistant answers from, and the public search over them. */

const DateTime = Type.String({ format: 'date-time' });

export const KbArticleBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: KB_LIMITS.titleChars, pattern: '\\S' }),
    body: Type.String({
      minLength: 1,
      maxLength: KB_LIMITS.bodyChars,
      description: 'Markdown; rendered as text and Markdown only, never as raw HTML',
    }),
    language: LanguageTag,
    category: Category,
    tags: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: KB_LIMITS.tagChars }), {
        maxItems: KB_LIMITS.tags,
        uniqueItems: true,
      }),
    ),
    published: Type.Optional(
      Type.Boolean({ default: true, description: 'Unpublished articles are never found' }),
    ),
  },
  { additionalProperties: false },
);
export type KbArticleBody = Static<typeof KbArticleBody>;

export const KbArticle = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  language: Type.String({ description: 'Primary language subtag' }),
  category: Category,
  tags: Type.Array(Type.String()),
  published: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type KbArticle = Static<typeof KbArticle>;

export const KbArticleList = Type.Object({ articles: Type.Array(KbArticle) });

export const KbListQuery = Type.Object({
  lang: Type.Optional(LanguageTag),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const KbSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: KB_LIMITS.queryChars }),
  lang: Type.Optional(LanguageTag),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: KB_LIMITS.results, default: 5 })),
});
export type KbSearchQuery = Static<typeof KbSearchQuery>;

export const KbHit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  language: Type.String(),
  category: Category,
  snippet: Type.String({ description: 'The start of the body, as plain text' }),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'PostgreSQL full-text rank, normalised to 0–1' }),
});
export type KbHit = Static<typeof KbHit>;

export const KbSearchReply = Type.Object({ results: Type.Array(KbHit, { description: 'Best first' }) });
export type KbSearchReply = Static<typeof KbSearchReply>;

/** What the console suggests for a case: matching articles and the catalogue's replies, to edit before sending. */
export const KbSuggestions = Type.Object({
  language: Type.String({
    description: "The user's language (primary subtag), which the suggestions are in",
  }),
  articles: Type.Array(KbHit, { description: 'Best first; from the request and the user’s latest lines' }),
  replies: Type.Array(QuickReply, {
    description: "The category's quick replies in the user's language (Traditional Chinese kept apart)",
  }),
});
export type KbSuggestions = Static<typeof KbSuggestions>;
export const SuggestionsQuery = Type.Object({ agentLang: Type.Optional(AgentLanguageQuery) });
