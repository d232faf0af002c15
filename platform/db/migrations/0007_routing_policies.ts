import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Every routing policy ever put in force, with who put it there and how: the latest row is the
 * policy every instance routes with, and the rows before it are the audit of changes.
 */
export const routingPolicies: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('routing_policies')
      .addColumn('version', 'bigserial', (c) => c.primaryKey())
      .addColumn('document', 'jsonb', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('routing_policies').ifExists().execute();
  },
};
