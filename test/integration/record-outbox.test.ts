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
});
