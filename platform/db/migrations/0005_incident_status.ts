import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Incidents managed as problems: a supervisor may open one by hand (a title and a category, a
 * keyword only if reports should join it), post a status to every linked user and resolve it.
 * Per linked case, the user's answer is kept: "I still need help" keeps the case with a human,
 * and a case the status answered without an agent is counted.
 */
export const incidentStatus: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('incidents')
      .alterColumn('keyword', (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('incidents')
      .addColumn('title', 'text')
      .addColumn('category', 'text')
      .addColumn('opened_by', 'text')
      .addColumn('status_message', 'text')
      .addColumn('status_at', 'timestamptz')
      .addColumn('resolution', 'text')
      .addColumn('resolved_at', 'timestamptz')
      .execute();
    await db.schema
      .alterTable('incident_cases')
      .addColumn('still_needs_help_at', 'timestamptz')
      .addColumn('answered_at', 'timestamptz')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .alterTable('incident_cases')
      .dropColumn('still_needs_help_at')
      .dropColumn('answered_at')
      .execute();
    for (const column of [
      'title',
      'category',
      'opened_by',
      'status_message',
      'status_at',
      'resolution',
      'resolved_at',
    ])
      await db.schema.alterTable('incidents').dropColumn(column).execute();
  },
};
