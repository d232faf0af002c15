import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyFileError } from '../../server/policies/RoutingPolicies.js';
import { buildApp } from '../../server/app.js';
import { api, createAgent, createSupervisor, type TestAgent } from '../support/clients.js';
import { startCluster, testConfig, type Cluster, type Instance } from '../support/cluster.js';
import { within } from '../support/apiProcess.js';
import { ladderPolicy } from '../support/policies.js';

let cluster: Cluster;
let first: Instance;
let second: Instance;
let supervisor: TestAgent;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-policy-'));
  cluster = await startCluster(2, { ROUTING_POLICY_POLL_MS: '60000' });
  [first, second] = cluster.instances as [Instance, Instance];
  supervisor = await createSupervisor(first, cluster.config);
}, 60_000);
afterAll(async () => {
  await cluster.close();
  await rm(dir, { recursive: true, force: true });
});

const put = (token: string, body: unknown) =>
  api(first, 'PUT', '/v1/admin/routing-policy', { token, body: body as Record<string, unknown> });

describe('routing policy admin API', () => {
  it('refuses a document with every problem listed and applies none of it', async () => {
    const draft = ladderPolicy();
    draft.defaultQueue = 'nowhere';
    (draft.queues[0] as { match: unknown[] }).match = [{ tiers: ['emperor'] }];
    const reply = await put(supervisor.token, draft);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('LIFELINE_POLICY_INVALID');
    const codes = (reply.body.error.problems as { code: string; path: string }[]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['unknown_queue', 'unknown_tier']));
    expect((await api(first, 'GET', '/v1/admin/routing-policy', { token: supervisor.token })).body).toEqual({
      inForce: null,
    });
    expect(first.app.lifeline.policies.current()).toBeNull();
  });

  it('lets only the admin token or a supervisor read or change it', async () => {
    const agent = await createAgent(first, cluster.config, { languages: ['en'] });
    expect((await put(agent.token, ladderPolicy())).status).toBe(403);
    expect((await api(first, 'PUT', '/v1/admin/routing-policy', { body: ladderPolicy() })).status).toBe(401);
    expect((await api(first, 'GET', '/v1/admin/routing-policy/history', { token: agent.token })).status).toBe(
      403,
    );
    expect(
      (await api(first, 'GET', '/v1/admin/routing-policy/history?limit=0', { token: supervisor.token }))
        .status,
    ).toBe(400);
  });

  it('puts a valid one in force on every instance, once, with an audit of who did it', async () => {
    const reply = await put(supervisor.token, ladderPolicy());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ changed: true });
    const version = reply.body.version as number;
    // The other instance hears of it on the bus, long before its poll (a minute here).
    await within(3000, async () => second.app.lifeline.policies.current() !== null);
    expect(second.app.lifeline.policies.current()?.document.queues[0]?.name).toBe('vip-security');

    expect((await put(supervisor.token, ladderPolicy())).body).toEqual({ version, changed: false });
    const withAdmin = ladderPolicy();
    withAdmin.queues[1] = { name: 'standard', description: 'everyone else' };
    const byAdmin = await put(cluster.config.secrets.admin, withAdmin);
    expect(byAdmin.body).toEqual({ version: version + 1, changed: true });

    const inForce = await api(first, 'GET', '/v1/admin/routing-policy', { token: supervisor.token });
    expect(inForce.body.inForce).toMatchObject({ version: version + 1, source: 'api', actor: 'admin' });
    expect(inForce.body.inForce.document.queues[1].description).toBe('everyone else');
    const history = await api(first, 'GET', '/v1/admin/routing-policy/history', { token: supervisor.token });
    expect(history.body.versions.map((v: { actor: string }) => v.actor)).toEqual(['admin', supervisor.id]);
  });
});

describe('routing policy file', () => {
  it('refuses to start with every problem in the file listed', async () => {
    const file = join(dir, 'bad.json');
    const draft = ladderPolicy();
    draft.queues.push({ name: 'standard' });
    (draft.queues[0] as { escalation: { afterSeconds: number }[] }).escalation[1]!.afterSeconds = 0;
    await writeFile(file, JSON.stringify(draft));
    const app = await buildApp({ config: testConfig({ ROUTING_POLICY_FILE: file }) });
    const failure = await app.ready().then(
      () => null,
      (error: unknown) => error,
    );
    await app.close().catch(() => {});
    expect(failure).toBeInstanceOf(PolicyFileError);
    const { problems, message } = failure as PolicyFileError;
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['duplicate_queue', 'steps_not_increasing']),
    );
    for (const problem of problems) expect(message).toContain(problem.path);
  });

  it('is put in force at start and again when it changes; a broken edit leaves the policy in force', async () => {
    const file = join(dir, 'policy.json');
    await writeFile(file, JSON.stringify(ladderPolicy()));
    const own = await startCluster(1, { ROUTING_POLICY_FILE: file });
    try {
      const { policies } = own.instances[0]!.app.lifeline;
      const started = await policies.inForce();
      expect(started).toMatchObject({ source: 'file', actor: file });

      const edited = ladderPolicy();
      edited.queues[1] = { name: 'standard', description: 'edited' };
      await writeFile(file, JSON.stringify(edited));
      await within(5000, async () => policies.current()?.document.queues[1]?.description === 'edited');
      expect((await policies.inForce())?.version).toBe(started!.version + 1);

      await writeFile(file, '{ "version": 1, "queues": [');
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(policies.current()?.document.queues[1]?.description).toBe('edited');
      expect((await policies.inForce())?.version).toBe(started!.version + 1);
    } finally {
      await own.close();
    }
  });
});
