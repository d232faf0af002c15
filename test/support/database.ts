import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database tests use; each test file gets its own schema in it (see testEnv). */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lifeline_test';
/** Every test file's schema starts with this and its creation time, so a killed run's leftovers can be found. */
const TEST_SCHEMA_PREFIX = 't_';
/** Leftovers older than this are dropped; younger ones may belong to a run still going. */
const LEFTOVER_AGE_SECONDS = 3600;

export function testSchemaName(): string {
  return `${TEST_SCHEMA_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function assertPostgres(): Promise<void> {
  try {
    await withClient((client) => client.query('select 1'));
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL with database lifeline_test (run: npm run setup): ${String(error)}`,
    );
  }
}

export function dropSchema(schema: string): Promise<unknown> {
  return withClient((client) => client.query(`drop schema if exists "${schema}" cascade`));
}

/** Schemas left by earlier runs (a file killed before its clean-up), old enough to be no one's. */
export async function dropTestSchemas(): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - LEFTOVER_AGE_SECONDS;
  await withClient(async (client) => {
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 't\\_%'",
    );
    for (const { nspname } of rows) {
      const created = Number(nspname.split('_')[1]);
      if (!Number.isFinite(created) || created < cutoff)
        await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  });
}
