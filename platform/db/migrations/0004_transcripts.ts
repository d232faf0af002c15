import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A case's transcript (of its voice message or its video's sound), kept apart from the hot request
 * so it outlives a Redis rebuild and has its own retention; it goes with its case on erasure.
 */
export const transcripts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('transcripts')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('language', 'text')
      .addColumn('segments', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('transcripts_created').on('transcripts').column('created_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('transcripts').ifExists().execute();
  },
};
