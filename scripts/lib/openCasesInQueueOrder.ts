import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/**
 * Ids of the open cases in PostgreSQL, in the order a rebuilt Redis queue must hold them
 * (benchmarks and tests that check a rebuild case by case).
 */
export async function openCasesInQueueOrder(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('state', 'in', ['queued', 'assigned'])
    .orderBy('rank', 'desc')
    // Redis orders equal ranks by member bytes, descending, in ZREVRANGE.
    .orderBy(sql`id collate "C"`, 'desc')
    .execute();
  return rows.map((row) => row.id);
}
