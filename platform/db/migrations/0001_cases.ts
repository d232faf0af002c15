import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Cases with their state history, conversations, calls and the users they belong to. */
export const cases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('media', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('rank', 'double precision', (c) => c.notNull())
      .addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('sentiment', 'text')
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('stream', 'jsonb')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('ended_reason', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ended_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('cases_user').on('cases').columns(['user_id', 'created_at']).execute();
    await db.schema
      .createIndex('cases_open')
      .on('cases')
      .column('rank')
      .where(sql.ref('state'), 'in', ['queued', 'offered', 'assigned'])
      .execute();
    await db.schema
      .createTable('case_events')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();
    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('internal', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('attachments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_case').on('messages').columns(['case_id', 'created_at']).execute();
    await db.schema
      .createTable('calls')
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ended_at', 'timestamptz')
      .addColumn('ended_reason', 'text')
      .addColumn('outcome', 'text')
      .addColumn('note', 'text')
      .addColumn('rating', 'smallint')
      .execute();
    await db.schema.createIndex('calls_case').on('calls').column('case_id').execute();
    await db.schema
      .createTable('user_profiles')
      .addColumn('platform_user_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['calls', 'messages', 'case_events', 'user_profiles', 'cases'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
