import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * When the cases of a resolved incident were all closed: a resolution whose instance died half way
 * through is finished by another, found by this being empty.
 */
export const incidentResolutionDone: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('incidents').addColumn('resolution_done_at', 'timestamptz').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('incidents').dropColumn('resolution_done_at').execute();
  },
};
