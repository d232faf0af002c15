import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { CaseRow } from '../../platform/db/schema.js';
import { api, platformToken } from '../../test/support/clients.js';
import { benchEnv, startBenchStack } from './stack.js';

/** The API's PostgreSQL pool, set explicitly so the bare INSERTs get the same number of connections. */
const POOL = 10;
const COLUMNS = [
  'id',
  'user_id',
  'channel',
  'media',
  'language',
  'category',
  'level',
  'score',
  'rank',
  'reasons',
  'sentiment',
  'tier',
  'text',
  'stream',
  'state',
  'ended_reason',
  'created_at',
  'updated_at',
  'ended_at',
] as const;
const MULTI_ROW = 100;

export interface Throughput {
  done: number;
  failed: number;
  perSecond: number;
}

/** `concurrency` callers run `work` back to back for `ms`; each call returns how many it made (0: failed). */
async function closedLoop(concurrency: number, ms: number, work: () => Promise<number>): Promise<Throughput> {
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - started < ms) {
        const made = await work();
        if (made > 0) done += made;
        else failed += 1;
      }
    }),
  );
  return { done, failed, perSecond: done / ((performance.now() - started) / 1000) };
}

/** CPU time (ms) a process has used, user and system, from /proc (Linux: 100 ticks a second). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A stored case as INSERT parameters, under a new id. */
function insertValues(row: CaseRow): unknown[] {
  const fresh = { ...row, id: randomUUID() };
  return COLUMNS.map((column) =>
    column === 'reasons' || column === 'stream' ? JSON.stringify(fresh[column]) : fresh[column],
  );
}

function insertSql(schema: string, rows: number): string {
  const tuples = Array.from(
    { length: rows },
    (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`,
  );
  return `insert into "${schema}".cases (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`;
}

/**
 * The same cases the API just made, inserted again under new ids into the same table, from the
 * same number of callers over a pool as large as the API's: one row per INSERT, and MULTI_ROW.
 */
async function bareInserts(pool: pg.Pool, schema: string, concurrency: number, ms: number) {
  const { rows } = await pool.query<CaseRow>(`select * from "${schema}".cases limit 5000`);
  const pick = () => rows[Math.floor(Math.random() * rows.length)]!;
  const one = insertSql(schema, 1);
  const perRow = await closedLoop(concurrency, ms, async () => {
    await pool.query(one, insertValues(pick()));
    return 1;
  });
  const many = insertSql(schema, MULTI_ROW);
  const multiRow = await closedLoop(concurrency, ms / 2, async () => {
    await pool.query(many, Array.from({ length: MULTI_ROW }, pick).flatMap(insertValues));
    return MULTI_ROW;
  });
  return { perRow, multiRow };
}

/**
 * Case creation with PostgreSQL through the real HTTP path: POST /v1/help-requests from
 * `concurrency` clients against one API process, each a different user, after a warm-up; then
 * the bare INSERT baseline on the same table.
 */
export async function benchCaseCreation(options: {
  concurrency: number;
  warmMs: number;
  measureMs: number;
  onProgress: (line: string) => void;
}) {
  const { concurrency, warmMs, measureMs, onProgress } = options;
  const env = benchEnv('cases', {
    RATE_LIMIT_CREATE_PER_MINUTE: '1000000',
    QUEUE_MAX_WAITING: '10000000',
    // No user opens a socket here; nobody may be abandoned mid-run.
    ABANDON_GRACE_MS: '3600000',
    DATABASE_POOL_MAX: String(POOL),
  });
  const stack = await startBenchStack(1, env, onProgress);
  const { config } = stack;
  const schema = config.database.databaseSchema;
  const pool = new pg.Pool({ connectionString: config.database.databaseUrl, max: POOL });
  try {
    const identities = await Promise.all(
      Array.from({ length: 40_000 }, (_, i) =>
        platformToken(config, { sub: `bench-viewer-${i}`, expSeconds: 3600 }),
      ),
    );
    const body = { channel: 'text', language: 'en', text: 'the app crashes every time I go live' };
    let used = 0;
    const create = async () => {
      const token = identities[used++];
      if (!token) throw new Error(`cases: all ${identities.length} identities used; sign more`);
      const reply = await api(stack.instances[0]!, 'POST', '/v1/help-requests', { token, body });
      return reply.status === 201 && !reply.body.resumed ? 1 : 0;
    };
    const warm = await closedLoop(concurrency, warmMs, create);
    onProgress(`warm-up: ${warm.done} created at ${Math.round(warm.perSecond)}/s`);
    const apiPid = stack.instances[0]!.child.pid!;
    const cpuBefore = cpuMsOf(apiPid);
    const created = await closedLoop(concurrency, measureMs, create);
    const apiCpuMsPerCreate = (cpuMsOf(apiPid) - cpuBefore) / created.done;
    onProgress(
      `${created.done} created at ${Math.round(created.perSecond)}/s, ${created.failed} failed; API process CPU ${apiCpuMsPerCreate.toFixed(2)} ms per create`,
    );
    // Every case answered 201 must be in the system of record.
    const stored = await pool.query<{ n: number }>(`select count(*)::int as n from "${schema}".cases`);
    if (stored.rows[0]!.n < warm.done + created.done)
      throw new Error(
        `cases: ${warm.done + created.done} created over HTTP, ${stored.rows[0]!.n} in PostgreSQL`,
      );
    const bare = await bareInserts(pool, schema, concurrency, measureMs);
    onProgress(
      `bare INSERT: ${Math.round(bare.perRow.perSecond)} rows/s one per statement, ${Math.round(bare.multiRow.perSecond)} rows/s ${MULTI_ROW} per statement`,
    );
    return {
      concurrency,
      pool: POOL,
      created,
      apiCpuMsPerCreate,
      bareInsert: bare.perRow,
      bareMultiRowInsert: bare.multiRow,
      multiRow: MULTI_ROW,
      overBareInsert: created.perSecond / bare.perRow.perSecond,
    };
  } finally {
    await pool.end();
    await stack.close();
  }
}
