import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toLifelineError } from './classify.js';

/** A real pg error: a pool pointed at a port nothing listens on. */
async function pgError(): Promise<unknown> {
  const pool = new pg.Pool({
    connectionString: 'postgres://postgres@127.0.0.1:1/none',
    connectionTimeoutMillis: 500,
  });
  try {
    await pool.query('select 1');
    return null;
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
}

describe('classifying infrastructure outages', () => {
  it('answers a database outage with a coded 503, never a 500', async () => {
    const error = toLifelineError(await pgError());
    expect(error.code).toBe('LIFELINE_DATABASE_UNAVAILABLE');
    expect(error.statusCode).toBe(503);
    expect(error.retryable).toBe(true);
  });

  it('recognises a SQLSTATE connection exception and keeps other errors internal', () => {
    expect(toLifelineError(Object.assign(new Error('terminating connection'), { code: '57P01' })).code).toBe(
      'LIFELINE_DATABASE_UNAVAILABLE',
    );
    expect(toLifelineError(Object.assign(new Error('duplicate key'), { code: '23505' })).code).toBe(
      'LIFELINE_INTERNAL',
    );
  });
});
