import { randomUUID } from 'node:crypto';
import type { Kysely, KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, migrateToLatest } from '../../platform/db/database.js';
import { NewCases } from '../../platform/db/NewCases.js';
import type { Database } from '../../platform/db/schema.js';
import type { NewRequest } from '../../platform/stores/records.js';
import { dropSchema, TEST_DATABASE_URL, testSchemaName } from '../support/database.js';

/** New cases written a batch at a time, against a real PostgreSQL. */
const schema = testSchemaName();
let db: Kysely<Database>;
let statements = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    statements += 1;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

beforeAll(async () => {
  db = connectDatabase({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema, databasePoolMax: 4 });
  await migrateToLatest(db, schema);
});
afterAll(async () => {
  await db?.destroy();
  await dropSchema(schema);
});

function request(userId: string, id: string = randomUUID()): NewRequest {
  return {
    id,
    userId,
    userName: `name of ${userId}`,
    tier: 'regular',
    channel: 'text',
    language: 'pt',
    category: 'technical',
    text: 'o app fecha sozinho',
    score: 40,
    level: 'normal',
    reasons: ['technical: crash'],
    sentiment: 'negative',
    stream: { id: 'live-1', offsetSeconds: 12 },
    createdAt: Date.now(),
  };
}

describe('new cases, a batch at a time', () => {
  it('writes the cases opened together in one statement: each with its event, links and profile', async () => {
    const newCases = new NewCases(db.withPlugin(counting));
    const incident = randomUUID();
    await db
      .insertInto('incidents')
      .values({ id: incident, keyword: 'crash', opened_at: new Date(), last_at: new Date(), users: 5 })
      .execute();
    const requests = [request('ana'), request('bia'), request('ana'), request('caio')];
    statements = 0;
    await Promise.all(
      requests.map((r, i) =>
        newCases.write({
          request: r,
          rank: 100 - i,
          incidentIds: i === 1 ? [incident] : [],
          state: 'queued',
        }),
      ),
    );
    expect(statements).toBe(1);

    const ids = requests.map((r) => r.id);
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('rank', 'desc')
      .execute();
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows[0]).toMatchObject({
      user_id: 'ana',
      state: 'queued',
      rank: 100,
      reasons: ['technical: crash'],
      stream: { id: 'live-1', offsetSeconds: 12 },
      text: 'o app fecha sozinho',
    });
    const events = await db
      .selectFrom('case_events')
      .select(['case_id', 'reason'])
      .where('case_id', 'in', ids)
      .execute();
    expect(events.map((e) => e.case_id).sort()).toEqual([...ids].sort());
    expect(new Set(events.map((e) => e.reason))).toEqual(new Set(['created']));
    const links = await db
      .selectFrom('incident_cases')
      .select('case_id')
      .where('incident_id', '=', incident)
      .execute();
    expect(links).toEqual([{ case_id: requests[1]!.id }]);
    // Two cases of one user in one batch: one profile.
    const profiles = await db.selectFrom('user_profiles').selectAll().orderBy('platform_user_id').execute();
    expect(profiles.map((p) => p.platform_user_id)).toEqual(['ana', 'bia', 'caio']);
  });

  it('fails only the case that cannot be written, not the others in its batch', async () => {
    const newCases = new NewCases(db);
    const taken = request('dora');
    await newCases.write({ request: taken, rank: 1, incidentIds: [], state: 'queued' });
    const fine = [request('eli'), request('fabi')];
    const outcomes = await Promise.allSettled([
      newCases.write({ request: fine[0]!, rank: 1, incidentIds: [], state: 'queued' }),
      newCases.write({ request: request('gil', taken.id), rank: 1, incidentIds: [], state: 'queued' }),
      newCases.write({ request: fine[1]!, rank: 1, incidentIds: ['no-such-incident'], state: 'queued' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    const written = await db.selectFrom('cases').select('id').where('id', '=', fine[0]!.id).execute();
    expect(written).toHaveLength(1);
    expect(await db.selectFrom('cases').select('id').where('id', '=', fine[1]!.id).execute()).toEqual([]);
  });
});
