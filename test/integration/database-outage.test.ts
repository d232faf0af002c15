import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import { TEST_DATABASE_URL } from '../support/database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';

/**
 * PostgreSQL lost in the middle of a transaction: the transaction fails, the process does not
 * (an unheard 'error' event on a checked-out pg client would crash it), and the pool serves again
 * once the database is back.
 */
let proxy: TcpProxy;

beforeAll(async () => {
  proxy = await startTcpProxy(Number(new URL(TEST_DATABASE_URL).port || 5432));
});
afterAll(() => proxy?.close());

describe('a pool whose database goes away mid-transaction', () => {
  it('fails that transaction, survives, and works again when the database is back', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(proxy.port);
    const db = connectDatabase({ databaseUrl: url.toString(), databaseSchema: 'public', databasePoolMax: 2 });
    try {
      const interrupted = db.transaction().execute(async (tx) => {
        await sql`select 1`.execute(tx);
        proxy.cut();
        // Between two statements the client is checked out: this is when the 'error' event lands.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`select 1`.execute(tx);
      });
      await expect(interrupted).rejects.toThrow();
      await expect(sql`select 1`.execute(db)).rejects.toThrow();
      proxy.mend();
      const back = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(back.rows).toEqual([{ one: 1 }]);
    } finally {
      proxy.mend();
      await db.destroy();
    }
  });
});
