import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import { api, createAgent, createHelpRequest, platformToken, WsClient } from '../support/clients.js';
import { startCluster, startInstance, testConfig, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let app: Instance;

beforeAll(async () => {
  cluster = await startCluster(1, {
    WS_MAX_MESSAGE_BYTES: '1024',
    WS_MAX_MESSAGES_PER_10S: '30',
    HTTP_BODY_LIMIT_BYTES: '8192',
  });
  app = cluster.instances[0]!;
});
afterAll(() => cluster.close());

const codeOf = (reply: { body: { error?: { code?: string } } }) => reply.body.error?.code;

describe('bad HTTP input gets a coded 4xx', () => {
  it('rejects malformed JSON, unknown channels, forged priority fields, empty text and oversize bodies', async () => {
    const token = await platformToken(cluster.config);
    const post = (body: unknown) => api(app, 'POST', '/v1/help-requests', { token, body });
    expect(await post('{"channel": "call", ')).toMatchObject({
      status: 400,
      body: { error: { code: 'LIFELINE_BAD_JSON' } },
    });
    expect(await post({ channel: 'fax', language: 'en' })).toMatchObject({
      status: 400,
      body: { error: { code: 'LIFELINE_VALIDATION' } },
    });
    const forged = await post({ channel: 'call', language: 'en', tier: 'brand', score: 100 });
    expect(forged).toMatchObject({ status: 400, body: { error: { code: 'LIFELINE_VALIDATION' } } });
    expect(codeOf(await post({ channel: 'text', language: 'en', text: '   ' }))).toBe('LIFELINE_VALIDATION');
    expect(codeOf(await post({ channel: 'call', language: 'not a language' }))).toBe('LIFELINE_VALIDATION');
    const huge = await post({ channel: 'text', language: 'en', text: 'x'.repeat(9000) });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'LIFELINE_PAYLOAD_TOO_LARGE' } } });
    const plain = await fetch(`${app.url}/v1/help-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'help',
    });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as any).error.code).toBe('LIFELINE_UNSUPPORTED_MEDIA_TYPE');
    expect(codeOf(await api(app, 'GET', '/v1/nothing-here'))).toBe('LIFELINE_NOT_FOUND');
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
});

describe('bad WebSocket frames get a coded error or close code', () => {
  it('answers malformed, unknown, invalid and forbidden frames with coded errors and keeps serving', async () => {
    const request = await createHelpRequest(app, cluster.config, { language: 'el' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    user.send('{not json');
    expect((await user.next('error')).code).toBe('LIFELINE_BAD_JSON');
    user.send({ type: 'teleport', ref: 'u1' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_UNKNOWN_MESSAGE', ref: 'u1' });
    user.send({ type: 'offer.accept', ref: 'u2' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_VALIDATION', ref: 'u2' });
    user.send({ type: 'agent.status', status: 'available', ref: 'u3' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_FORBIDDEN', ref: 'u3' });
    user.send({ type: 'offer.accept', offerId: 'someone-elses', ref: 'u4' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_FORBIDDEN', ref: 'u4' });
    user.send({ type: 'ping', ref: 'alive' });
    expect(await user.next('pong')).toMatchObject({ ref: 'alive' });
    user.close();
  });

  it('closes with 4413 on an oversize frame and 4429 on a flood', async () => {
    const request = await createHelpRequest(app, cluster.config, { language: 'hu' });
    const big = await WsClient.connect(app.wsUrl, request.accessToken);
    big.send({ type: 'ping', pad: 'x'.repeat(2000) });
    expect(await big.closed).toEqual({ code: 4413, reason: 'LIFELINE_PAYLOAD_TOO_LARGE' });

    const flood = await WsClient.connect(app.wsUrl, request.accessToken);
    for (let i = 0; i < 40; i += 1) flood.send({ type: 'ping' });
    expect(await flood.closed).toEqual({ code: 4429, reason: 'LIFELINE_RATE_LIMITED' });
  });

  it('is still healthy and pairing after all of the above', async () => {
    expect((await api(app, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api(app, 'GET', '/readyz')).body).toEqual({ status: 'ready', redis: 'up', livekit: 'up' });
    await createHelpRequest(app, cluster.config, { language: 'en' });
  });
});

describe('production mode', () => {
  it('refuses guests: a help request needs a platform identity', async () => {
    const config = testConfig({ NODE_ENV: 'production', REDIS_KEY_PREFIX: cluster.config.keyPrefix });
    const production = await startInstance(config);
    try {
      const reply = await api(production, 'POST', '/v1/help-requests', {
        body: { channel: 'call', language: 'en' },
      });
      expect(reply).toMatchObject({ status: 401, body: { error: { code: 'LIFELINE_UNAUTHENTICATED' } } });
    } finally {
      await production.app.close();
    }
  });
});

describe('rate limits', () => {
  it('limits help requests per user identity, not per shared IP', async () => {
    const limited = await startCluster(1, { RATE_LIMIT_CREATE_PER_MINUTE: '2' });
    try {
      const instance = limited.instances[0]!;
      const post = async (sub: string) =>
        (
          await api(instance, 'POST', '/v1/help-requests', {
            token: await platformToken(limited.config, { sub }),
            body: { channel: 'call', language: 'en' },
          })
        ).status;
      // One user hammering: two tries pass the limiter (the second is refused as a duplicate), the third is throttled.
      expect([await post('same'), await post('same')]).toEqual([201, 409]);
      const throttled = await api(instance, 'POST', '/v1/help-requests', {
        token: await platformToken(limited.config, { sub: 'same' }),
        body: { channel: 'call', language: 'en' },
      });
      expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'LIFELINE_RATE_LIMITED' } } });
      // Other users from the same address are not held back by it.
      expect(await post('neighbour-1')).toBe(201);
      expect(await post('neighbour-2')).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
