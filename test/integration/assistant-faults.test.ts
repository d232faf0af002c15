import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { connectRedis, type RedisClient } from '../../platform/redis/connect.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { loadConfig, type Config } from '../../server/config/load.js';
import { startApiPair, within, type ApiProcess } from '../support/apiProcess.js';
import { api, platformToken } from '../support/clients.js';
import { deletePrefix, testEnv } from '../support/cluster.js';
import { dropSchema } from '../support/database.js';

/**
 * No case is stranded with the assistant, whatever fails, on two real API processes: a user who
 * goes quiet is handed to a person by whichever instance sweeps, also after the instance that
 * answered is killed; a case written for the assistant but never held (its process died) goes to
 * a person; and when Redis loses the hot state, held cases come back waiting for a person, and
 * the assistant never speaks on them again.
 */
let env: Record<string, string>;
let config: Config;
let doomed: ApiProcess;
let survivor: ApiProcess;
let db: Kysely<Database>;
let redis: RedisClient;
let queue: QueueStore;

beforeAll(async () => {
  env = testEnv({ STRANDED_SETTLE_MS: '1000', ASSISTANT_IDLE_HANDOFF_SECONDS: '2', LOG_LEVEL: 'warn' });
  config = loadConfig(env);
  [doomed, survivor] = await startApiPair(env);
  db = connectDatabase(config.database);
  redis = connectRedis(config, 'wait-it-out');
  queue = new QueueStore(redis, config.keyPrefix, config.routing.retentionMs);
  const created = await api(survivor, 'POST', '/v1/admin/kb/articles', {
    token: config.secrets.admin,
    body: {
      title: 'Reset a forgotten password',
      body: 'Tap "Forgot password" on the login screen and follow the link we email you to reset your password.',
      language: 'en',
      category: 'account_security',
    },
  });
  expect(created.status).toBe(201);
}, 40_000);
afterAll(async () => {
  await Promise.all([doomed?.crash(), survivor?.crash()]);
  await db?.destroy();
  redis?.disconnect();
  await dropSchema(config.database.databaseSchema);
});

async function held(on: ApiProcess) {
  const token = await platformToken(config, { sub: `user-${randomUUID()}` });
  const reply = await api(on, 'POST', '/v1/help-requests', {
    token,
    body: { channel: 'text', language: 'en', text: 'how do I reset a forgotten password' },
  });
  expect(reply.body.state).toBe('assistant');
  return reply.body as { id: string; accessToken: string };
}

const stateOf = async (id: string) => (await queue.getRequest(id))?.state;
const caseState = async (id: string) =>
  (await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst())?.state;
const reasons = async (id: string) =>
  (await db.selectFrom('case_events').select('reason').where('case_id', '=', id).execute()).map(
    (e) => e.reason,
  );

describe('the assistant when things fail', () => {
  it('hands a quiet user to a person after the idle time, even once the instance that answered is killed', async () => {
    const quiet = await held(doomed);
    await doomed.crash();
    await within(10_000, async () => (await stateOf(quiet.id)) === 'queued');
    expect((await queue.getRequest(quiet.id))?.handoffReason).toBe('unanswered');
    expect(await caseState(quiet.id)).toBe('queued');
    expect(await reasons(quiet.id)).toContain('handoff_unanswered');
  });

  it('sends a case written for the assistant but never held (its process died) to a person', async () => {
    const id = randomUUID();
    await new CaseRepository(db).open(
      {
        id,
        userId: `stranded-${randomUUID()}`,
        tier: 'regular',
        channel: 'text',
        language: 'en',
        category: 'account_security',
        text: 'how do I reset a forgotten password',
        score: 40,
        level: 'normal',
        reasons: [],
        createdAt: Date.now(),
      },
      40,
      [],
      'assistant',
    );
    await within(15_000, async () => (await stateOf(id)) === 'queued');
    await within(5_000, async () => (await caseState(id)) === 'queued');
  });

  it('puts held cases back waiting for a person when Redis loses the hot state, and the assistant stays silent', async () => {
    const request = await held(survivor);
    await deletePrefix(redis, config.keyPrefix);
    await within(15_000, async () => (await stateOf(request.id)) === 'queued');
    await within(5_000, async () => (await caseState(request.id)) === 'queued');
    expect(await reasons(request.id)).toContain('state_store_lost');
    const path = `/v1/help-requests/${request.id}/messages`;
    const posted = await api(survivor, 'POST', path, {
      token: request.accessToken,
      body: { body: 'reset password' },
    });
    expect(posted.status).toBe(201);
    const lines = (await api(survivor, 'GET', path, { token: request.accessToken })).body.messages;
    expect(lines.map((m: { role: string }) => m.role)).toEqual(['assistant', 'user']);
  });
});
