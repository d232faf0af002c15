import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { indexText, orQuery } from '../../core/kb/searchText.js';
import type { KbArticle, KbArticleBody, KbHit } from '../../core/protocol/kb.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import type { Database, KbArticleRow } from './schema.js';

/** How much of a body a search result shows. */
const SNIPPET_CHARS = 240;

const toArticle = (row: KbArticleRow): KbArticle => ({
  id: row.id,
  title: row.title,
  body: row.body,
  language: row.language,
  category: row.category as CategoryName,
  tags: row.tags,
  published: row.published,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The columns an article's body gives, the full-text source included. */
function columnsOf(body: KbArticleBody) {
  const language = primaryLanguage(body.language);
  const tags = body.tags ?? [];
  return {
    title: body.title.trim(),
    body: body.body,
    language,
    category: body.category,
    tags,
    published: body.published ?? true,
    search_title: indexText(body.title, language),
    search_tags: indexText(tags.join(' '), language),
    search_body: indexText(body.body, language),
  };
}

/**
 * Knowledge-base articles in the system of record, searched with PostgreSQL full text: the
 * database ranks (`ts_rank_cd`, normalised to 0–1); this only cuts words where a script has no
 * spaces and joins a question's words with OR.
 */
export class KbRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(body: KbArticleBody): Promise<KbArticle> {
    const row = await this.db
      .insertInto('kb_articles')
      .values({ id: randomUUID(), ...columnsOf(body) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toArticle(row);
  }

  async get(id: string): Promise<KbArticle | undefined> {
    const row = await this.db.selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toArticle(row);
  }

  async update(id: string, body: KbArticleBody): Promise<KbArticle | undefined> {
    const row = await this.db
      .updateTable('kb_articles')
      .set({ ...columnsOf(body), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toArticle(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('kb_articles').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(filter: { language?: string; limit: number; offset: number }): Promise<KbArticle[]> {
    let query = this.db.selectFrom('kb_articles').selectAll();
    if (filter.language) query = query.where('language', '=', primaryLanguage(filter.language));
    const rows = await query
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(toArticle);
  }

  /** Published articles matching a question, best first; in its language when one is given. */
  async search(q: string, options: { language?: string; limit: number }): Promise<KbHit[]> {
    const language = options.language ? primaryLanguage(options.language) : undefined;
    const terms = orQuery(q, language ?? 'en');
    if (!terms) return [];
    const config = language === 'en' ? sql`'english'::regconfig` : sql`'simple'::regconfig`;
    const { rows } = await sql<{
      id: string;
      title: string;
      language: string;
      category: string;
      snippet: string;
      score: number;
    }>`
      select a.id, a.title, a.language, a.category,
        left(regexp_replace(a.body, '[#*_>\`\\[\\]]+', '', 'g'), ${SNIPPET_CHARS}) as snippet,
        ts_rank_cd(a.search_vector, q.query, 32) as score
      from kb_articles a, to_tsquery(${config}, ${terms}) as q(query)
      where a.published and a.search_vector @@ q.query
        ${language ? sql`and a.language = ${language}` : sql``}
      order by score desc, a.updated_at desc
      limit ${options.limit}`.execute(this.db);
    return rows.map((row) => ({ ...row, category: row.category as CategoryName, score: Number(row.score) }));
  }
}
