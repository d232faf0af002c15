import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Knowledge-base articles with a PostgreSQL full-text vector kept by the database itself: the
 * title weighs most, then the tags, then the body. English is stemmed; other languages are
 * matched word for word, their words cut by Intl.Segmenter before they are stored (search_*).
 */
const CONFIG = sql`(case when language = 'en' then 'english'::regconfig else 'simple'::regconfig end)`;

export const kbArticles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('kb_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('search_title', 'text', (c) => c.notNull())
      .addColumn('search_tags', 'text', (c) => c.notNull())
      .addColumn('search_body', 'text', (c) => c.notNull())
      .addColumn('search_vector', sql`tsvector`, (c) =>
        c
          .generatedAlwaysAs(
            sql`setweight(to_tsvector(${CONFIG}, search_title), 'A') ||
              setweight(to_tsvector(${CONFIG}, search_tags), 'B') ||
              setweight(to_tsvector(${CONFIG}, search_body), 'C')`,
          )
          .stored(),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('kb_articles_search')
      .on('kb_articles')
      .using('gin')
      .column('search_vector')
      .execute();
    await db.schema.createIndex('kb_articles_language').on('kb_articles').column('language').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('kb_articles').ifExists().execute();
  },
};
