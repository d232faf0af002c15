import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The supervisor's analytics read a window of time: contacts by their entry into the line, sessions
 * by their end, and case texts and user lines by when they were written (trends).
 */
const INDEXES = [
  { name: 'case_events_state_at', table: 'case_events', columns: ['state', 'at'] },
  { name: 'calls_ended', table: 'calls', columns: ['ended_at'] },
  { name: 'cases_created', table: 'cases', columns: ['created_at'] },
  { name: 'messages_created', table: 'messages', columns: ['created_at'] },
];

export const analyticsIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    for (const { name, table, columns } of INDEXES)
      await db.schema.createIndex(name).on(table).columns(columns).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const { name } of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
  },
};
