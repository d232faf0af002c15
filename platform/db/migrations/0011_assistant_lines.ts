import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The assistant: the knowledge-base articles its lines answer with, shown to the user and the
 * agent; and cases it holds counted with waiting ones where instances look for stranded cases.
 */
export const assistantLines: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('messages')
      .addColumn('articles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute();
    await db.schema
      .createIndex('cases_unserved_created')
      .on('cases')
      .column('created_at')
      .where(sql.ref('state'), 'in', ['assistant', 'queued'])
      .execute();
    await db.schema.dropIndex('cases_queued_created').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .createIndex('cases_queued_created')
      .on('cases')
      .column('created_at')
      .where(sql.ref('state'), '=', 'queued')
      .execute();
    await db.schema.dropIndex('cases_unserved_created').ifExists().execute();
    await db.schema.alterTable('messages').dropColumn('articles').execute();
  },
};
