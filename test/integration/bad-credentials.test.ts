import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import {
  expectStillServing,
  makeCredentials,
  startGuardedCluster,
  type Credentials,
} from '../support/badInput.js';
import {
  api,
  createAgent,
  createHelpRequest,
  platformToken,
  WsClient,
  type TestAgent,
} from '../support/clients.js';
import type { Cluster, Instance } from '../support/cluster.js';

/** Forged, expired, deleted and borrowed identities: users, agents, admin and LiveKit's webhook. */
let cluster: Cluster;
let app: Instance;
let credentials: Credentials;
let deleted: TestAgent;

beforeAll(async () => {
  cluster = await startGuardedCluster();
  app = cluster.instances[0]!;
  ({ credentials, deleted } = await makeCredentials(app, cluster.config));
});
afterAll(() => cluster.close());

const codeOf = (reply: { body: { error?: { code?: string } } }) => reply.body.error?.code;

describe('bad credentials get a coded 401 or 403', () => {
  it('refuses a deleted agent at the WebSocket upgrade, and an alg:none token too', async () => {
    await expect(WsClient.connect(app.wsUrl, credentials.deletedAgent)).rejects.toThrow(/401/);
    await expect(WsClient.connect(app.wsUrl, credentials.unsignedAgent)).rejects.toThrow(/401/);
    const login = await api(app, 'POST', '/v1/agents/login', {
      body: { email: deleted.email, password: 'correct-horse-battery' },
    });
    expect(login).toMatchObject({ status: 401, body: { error: { code: 'LIFELINE_UNAUTHENTICATED' } } });
  });

  it('takes the tier only from a verified identity, and refuses forged or expired identities', async () => {
    const brand = await createHelpRequest(app, cluster.config, { language: 'en' }, { tier: 'brand' });
    const read = await api(app, 'GET', `/v1/help-requests/${brand.id}`, { token: brand.accessToken });
    expect(read.body).toMatchObject({
      tier: 'brand',
      urgency: { reasons: expect.arrayContaining(['brand (verified identity)']) },
    });

    const forged = await platformToken(
      { ...cluster.config, secrets: { ...cluster.config.secrets, platform: 'another-platform-secret' } },
      { tier: 'brand' },
    );
    const body = { channel: 'call', language: 'en' };
    expect(await api(app, 'POST', '/v1/help-requests', { token: forged, body })).toMatchObject({
      status: 401,
      body: { error: { code: 'LIFELINE_UNAUTHENTICATED' } },
    });
    const expired = await platformToken(cluster.config, { expSeconds: -60 });
    expect(await api(app, 'POST', '/v1/help-requests', { token: expired, body })).toMatchObject({
      status: 401,
      body: { error: { code: 'LIFELINE_TOKEN_EXPIRED' } },
    });
    const badTier = await platformToken(cluster.config, { tier: 'vip' });
    expect((await api(app, 'POST', '/v1/help-requests', { token: badTier, body })).status).toBe(401);
  });

  it('shows a user only their own request, and lets only them cancel it', async () => {
    const mine = await createHelpRequest(app, cluster.config, { language: 'cs' });
    const theirs = await createHelpRequest(app, cluster.config, { language: 'cs' });
    expect(
      await api(app, 'GET', `/v1/help-requests/${theirs.id}`, { token: mine.accessToken }),
    ).toMatchObject({ status: 403, body: { error: { code: 'LIFELINE_FORBIDDEN' } } });
    expect(
      (await api(app, 'DELETE', `/v1/help-requests/${theirs.id}`, { token: mine.accessToken })).status,
    ).toBe(403);
    expect((await api(app, 'GET', `/v1/help-requests/${mine.id}`)).status).toBe(401);
    const agent = await createAgent(app, cluster.config);
    expect((await api(app, 'GET', `/v1/help-requests/${theirs.id}`, { token: agent.token })).status).toBe(
      200,
    );
    expect((await api(app, 'DELETE', `/v1/help-requests/${theirs.id}`, { token: agent.token })).status).toBe(
      403,
    );
  });

  it('guards admin and login, and refuses expired Lifeline tokens', async () => {
    const agentBody = {
      email: 'x@example.test',
      name: 'X',
      password: 'long-enough',
      languages: ['en'],
      skills: [],
    };
    expect((await api(app, 'POST', '/v1/admin/agents', { body: agentBody })).status).toBe(401);
    expect(
      (await api(app, 'POST', '/v1/admin/agents', { token: 'wrong-admin-token', body: agentBody })).status,
    ).toBe(401);
    const agent = await createAgent(app, cluster.config);
    const duplicate = await api(app, 'POST', '/v1/admin/agents', {
      token: cluster.config.secrets.admin,
      body: { ...agentBody, email: agent.email },
    });
    expect(codeOf(duplicate)).toBe('LIFELINE_AGENT_EXISTS');
    expect(
      await api(app, 'POST', '/v1/agents/login', {
        body: { email: agent.email, password: 'wrong-password' },
      }),
    ).toMatchObject({ status: 401 });

    const past = new LifelineTokens(
      cluster.config.secrets.signing,
      { agentSeconds: 60, requestSeconds: 60 },
      () => Date.now() - 3_600_000,
    );
    const stale = await past.signAgent(agent.id);
    expect(codeOf(await api(app, 'GET', '/v1/help-requests/anything', { token: stale }))).toBe(
      'LIFELINE_TOKEN_EXPIRED',
    );
    await expect(WsClient.connect(app.wsUrl, stale)).rejects.toThrow(/401/);
    await expect(WsClient.connect(app.wsUrl, 'garbage')).rejects.toThrow(/401/);
  });

  it('refuses a forged or tampered LiveKit webhook', async () => {
    const body = JSON.stringify({ event: 'room_finished', room: { name: 'lifeline-some-session' } });
    const send = (authorization: string, payload = body) =>
      fetch(`${app.url}/v1/livekit/webhook`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/webhook+json' },
        body: payload,
      });
    const forger = new AccessToken(cluster.config.livekit.apiKey, 'not-the-livekit-secret');
    forger.sha256 = 'irrelevant';
    const forged = await send(await forger.toJwt());
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).error.code).toBe('LIFELINE_BAD_SIGNATURE');

    const signer = new AccessToken(cluster.config.livekit.apiKey, cluster.config.livekit.apiSecret);
    const { createHash } = await import('node:crypto');
    signer.sha256 = createHash('sha256').update(body).digest('base64');
    const signed = await signer.toJwt();
    expect((await send(signed)).status).toBe(200);
    expect((await send(signed, body.replace('room_finished', 'room_started '))).status).toBe(401);
    expect((await send('')).status).toBe(401);
  });

  it('is still healthy and pairing after all of the above', () => expectStillServing(app, cluster.config));
});
