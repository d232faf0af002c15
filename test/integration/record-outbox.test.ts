import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { bullPrefix } from '../../platform/jobs/queues.js';
import { RECORDS_QUEUE } from '../../platform/jobs/records.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { TEST_DATABASE_URL } from '../support/database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';

/**
 * PostgreSQL taken away from a running API (its connections cut, new ones refused) while a call
 * ends, is wrapped up and rated: the live side goes on, and once the database is back every
 * change lands in the system of record from the outbox, with no note in any job payload.
 */
let proxy: TcpProxy;
let cluster: Cluster;
let app: Instance;
let db: Kysely<Database>;

beforeAll(async () => {
  proxy = await startTcpProxy(Number(new URL(TEST_DATABASE_URL).port || 5432));
  const throughProxy = new URL(TEST_DATABASE_URL);
  throughProxy.port = String(proxy.port);
  cluster = await startCluster(1, {
    DATABASE_URL: throughProxy.toString(),
    RECORD_RETRY_BACKOFF_MS: '200',
  });
  app = cluster.instances[0]!;
  db = connectDatabase({ ...cluster.config.database, databaseUrl: TEST_DATABASE_URL });
});
afterAll(async () => {
  proxy?.mend();
  await db?.destroy();
  await cluster?.close();
  await proxy?.close();
});

const caseState = async (id: string) =>
  (await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst())?.state;

describe('the outbox for state changes', () => {
  it('records what happened while PostgreSQL was away once it is back, in order, notes kept out of payloads', async () => {
    const agent = await createAgent(app, cluster.config, { languages: ['hr'] });
    const agentSocket = await agentOnline(app, agent);
    const request = await createHelpRequest(app, cluster.config, { language: 'hr', text: 'hello' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    agentSocket.send({ type: 'offer.accept', offerId: (await agentSocket.next('offer')).offerId });
    const ready = await agentSocket.next('session.ready');
    await expect.poll(() => caseState(request.id)).toBe('assigned');

    proxy.cut();
    const note = 'reset the password twice';
    agentSocket.send({
      type: 'session.end',
      sessionId: ready.sessionId,
      outcome: 'resolved',
      note,
      ref: 'end',
    });
    await agentSocket.next('ack', (f) => f.ref === 'end');
    expect((await user.next('session.ended')).reason).toBe('agent_ended');
    const rated = await api(app, 'POST', `/v1/help-requests/${request.id}/rating`, {
      token: request.accessToken,
      body: { stars: 4 },
    });
    expect(rated.status).toBe(204);
    // The live side went on; the record could not follow yet.
    expect(await caseState(request.id)).toBe('assigned');

    proxy.mend();
    await expect.poll(() => caseState(request.id), { timeout: 15_000 }).toBe('ended');
    await expect
      .poll(
        () =>
          db
            .selectFrom('calls')
            .select(['ended_reason', 'outcome', 'note', 'rating'])
            .where('session_id', '=', ready.sessionId)
            .executeTakeFirst(),
        { timeout: 15_000 },
      )
      .toEqual({ ended_reason: 'agent_ended', outcome: 'resolved', note, rating: 4 });

    const queue = new Queue(RECORDS_QUEUE, {
      connection: cluster.redis,
      prefix: bullPrefix(cluster.config.keyPrefix),
    });
    try {
      // Every change replayed: nothing left waiting, retrying or failed.
      await expect
        .poll(() => queue.getJobCounts('failed', 'delayed', 'waiting', 'active'))
        .toMatchObject({ failed: 0, delayed: 0, waiting: 0, active: 0 });
      const jobs = await queue.getJobs(['completed']);
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) expect(JSON.stringify(job.data)).not.toContain('password');
    } finally {
      await queue.close();
    }
    user.close();
    agentSocket.close();
  });

  it('hands a held case to a person while PostgreSQL is away, and records the handoff once it is back', async () => {
    const created = await api(app, 'POST', '/v1/admin/kb/articles', {
      token: cluster.config.secrets.admin,
      body: {
        title: 'Reset a forgotten password',
        body: 'Tap "Forgot password" on the login screen and follow the link we email you.',
        language: 'en',
        category: 'account_security',
      },
    });
    expect(created.status).toBe(201);
    const agentSocket = await agentOnline(
      app,
      await createAgent(app, cluster.config, { languages: ['en'], skills: ['account_security'] }),
    );
    const request = await createHelpRequest(app, cluster.config, {
      channel: 'text',
      media: undefined,
      language: 'en',
      text: 'how do I reset a forgotten password',
    });
    await expect.poll(() => caseState(request.id)).toBe('assistant');

    proxy.cut();
    const handed = await api(app, 'POST', `/v1/help-requests/${request.id}/assistant`, {
      token: request.accessToken,
      body: { answer: 'human' },
    });
    expect(handed.body).toEqual({ state: 'queued', handoffReason: 'asked_for_human' });
    const offer = await agentSocket.next('offer', (f) => f.request.id === request.id, 10_000);
    expect(offer.request.handoffReason).toBe('asked_for_human');
    expect(await caseState(request.id)).toBe('assistant');

    proxy.mend();
    await expect.poll(() => caseState(request.id), { timeout: 15_000 }).toBe('queued');
    const events = await db
      .selectFrom('case_events')
      .select('reason')
      .where('case_id', '=', request.id)
      .execute();
    expect(events.map((e) => e.reason)).toContain('handoff_asked_for_human');
    agentSocket.close();
  });
});
