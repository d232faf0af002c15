import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Tasks a wrap-up leaves (follow-ups and escalations), and incidents with the cases linked to
 * them. Both hang off their cases with ON DELETE CASCADE, so erasing a user's cases erases their
 * tasks and incident links with them.
 */
export const followUpsAndIncidents: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('session_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz')
      .addColumn('reserved_until', 'timestamptz')
      .addColumn('opened_at', 'timestamptz')
      .addColumn('requeued_at', 'timestamptz')
      .addColumn('closed_at', 'timestamptz')
      .addColumn('closed_reason', 'text')
      .addColumn('taken_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    // One task per wrapped-up session: a corrected wrap-up changes it instead of adding another.
    await db.schema.createIndex('tasks_session').unique().on('tasks').column('session_id').execute();
    await db.schema.createIndex('tasks_case').on('tasks').column('case_id').execute();
    await db.schema
      .createIndex('tasks_due')
      .on('tasks')
      .column('due_at')
      .where(sql.ref('state'), '=', 'pending')
      .execute();
    await db.schema
      .createIndex('tasks_live')
      .on('tasks')
      .columns(['assignee_id', 'state'])
      .where(sql.ref('state'), 'in', ['pending', 'open'])
      .execute();

    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('keyword', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_at', 'timestamptz', (c) => c.notNull())
      .addColumn('users', 'integer', (c) => c.notNull())
      .addColumn('closed_at', 'timestamptz')
      .execute();
    // At most one open incident per keyword, whichever instance sees the burst first.
    await db.schema
      .createIndex('incidents_open_keyword')
      .unique()
      .on('incidents')
      .column('keyword')
      .where(sql.ref('closed_at'), 'is', null)
      .execute();
    await db.schema.createIndex('incidents_last').on('incidents').column('last_at').execute();
    await db.schema
      .createTable('incident_cases')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_cases_pk', ['incident_id', 'case_id'])
      .execute();
    await db.schema.createIndex('incident_cases_case').on('incident_cases').column('case_id').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['incident_cases', 'incidents', 'tasks'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
