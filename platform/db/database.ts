import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import { PreparingClient } from './prepared.js';
import type { DatabaseTarget } from '../config/shared.js';
import type { Database } from './schema.js';

export type { DatabaseTarget };

/** A Kysely over a pg pool whose connections all use the configured schema. */
export function connectDatabase(target: DatabaseTarget): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.databaseUrl,
    max: target.databasePoolMax,
    // Fail fast like the API's Redis profile: a query while PostgreSQL is away gets a coded 503.
    connectionTimeoutMillis: 2000,
    options: `-c search_path=${target.databaseSchema}`,
    // Hot statements marked `prepared(…)` are planned once per connection.
    Client: PreparingClient,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** One key for every Lifeline process migrating this database: they take turns. */
const MIGRATION_LOCK = 7_104_001;

/**
 * Creates the schema if needed and applies every pending migration; throws listing a failure.
 * Instances starting together take turns under a PostgreSQL advisory lock, on one connection,
 * so no two of them race to create the schema or the migrator's own tables.
 */
export async function migrateToLatest(db: Kysely<Database>, schema: string): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(connection);
      const migrator = new Migrator({
        db: connection,
        provider: { getMigrations: async () => MIGRATIONS },
        migrationTableSchema: schema,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}
