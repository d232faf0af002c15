import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Recent waiting cases by creation time: how instances find cases a crashed instance never queued. */
export const strandedIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('cases_queued_created')
      .on('cases')
      .column('created_at')
      .where(sql.ref('state'), '=', 'queued')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('cases_queued_created').ifExists().execute();
  },
};
