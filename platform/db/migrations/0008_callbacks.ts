import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Whether a case's user chose to be called back: a queue rebuilt from the system of record must
 * keep their place without a socket, as the hot queue did, instead of abandoning them.
 */
export const callbacks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('callback', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').dropColumn('callback').execute();
  },
};
