import { connect } from 'node:net';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import type { ErrorCode } from '../../core/protocol/errorCodes.js';
import {
  api,
  createAgent,
  createHelpRequest,
  platformToken,
  WsClient,
  type TestAgent,
} from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let app: Instance;

/** The credentials a row may present, made once for the table. */
interface Credentials {
  platform: string;
  request: string;
  agent: string;
  unsignedAgent: string;
  expiredAgent: string;
  deletedAgent: string;
  garbage: string;
}
let credentials: Credentials;
let requestId: string;
let deleted: TestAgent;

/** An `alg: none` token: every claim an agent token carries, and no signature. */
function unsignedToken(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'lifeline', aud: 'lifeline:agent', sub, iat: now, exp: now + 600 })}.`;
}

beforeAll(async () => {
  cluster = await startCluster(1, {
    WS_MAX_MESSAGE_BYTES: '1024',
    WS_MAX_MESSAGES_PER_10S: '30',
    HTTP_BODY_LIMIT_BYTES: '8192',
  });
  app = cluster.instances[0]!;
  const request = await createHelpRequest(app, cluster.config, { language: 'en' });
  const agent = await createAgent(app, cluster.config);
  deleted = await createAgent(app, cluster.config);
  await app.app.lifeline.agents.remove(deleted.id);
  const past = new LifelineTokens(
    cluster.config.secrets.signing,
    { agentSeconds: 60, requestSeconds: 60 },
    () => Date.now() - 3_600_000,
  );
  requestId = request.id;
  credentials = {
    platform: await platformToken(cluster.config),
    request: request.accessToken,
    agent: agent.token,
    unsignedAgent: unsignedToken(agent.id),
    expiredAgent: await past.signAgent(agent.id),
    deletedAgent: deleted.token,
    garbage: 'not-a-token',
  };
});
afterAll(() => cluster.close());

const codeOf = (reply: { body: { error?: { code?: string } } }) => reply.body.error?.code;

/** One bad input: what is sent, and the coded refusal it must get. */
interface BadInput {
  name: string;
  method: string;
  /** `{request}` stands for an open help request's id. */
  path: string;
  as?: keyof Credentials;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Bytes written straight to a socket, for what Node's HTTP parser refuses before routing. */
  raw?: string;
  status: number;
  code: ErrorCode;
}

const JSON_TYPE = 'application/json';
const create = { method: 'POST', path: '/v1/help-requests', as: 'platform', type: JSON_TYPE } as const;
const voice = { method: 'POST', path: '/v1/help-requests/{request}/voice', as: 'request' } as const;
const read = { method: 'GET', path: '/v1/help-requests/{request}' } as const;
const json = (value: unknown) => JSON.stringify(value);

// One row per line, so the table reads as a table.
// prettier-ignore
const BAD_INPUTS: BadInput[] = [
  { ...voice, name: 'voice upload with a JSON body', type: JSON_TYPE, body: json({ audio: 'AAAA' }), status: 415, code: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE' },
  { ...voice, name: 'voice upload with a JSON number', type: JSON_TYPE, body: '42', status: 415, code: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE' },
  { ...voice, name: 'voice upload with no body', status: 400, code: 'LIFELINE_VALIDATION' },
  { ...voice, name: 'voice upload with an empty audio body', type: 'audio/wav', body: '', status: 400, code: 'LIFELINE_VALIDATION' },
  { ...voice, name: 'voice upload as text/plain', type: 'text/plain', body: 'hello', status: 415, code: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE' },
  { ...voice, name: 'voice upload of bytes that are not audio', type: 'audio/wav', body: Buffer.alloc(2048, 7), status: 415, code: 'LIFELINE_AUDIO_UNSUPPORTED' },
  { ...create, name: 'malformed JSON', body: '{"channel": "call", ', status: 400, code: 'LIFELINE_BAD_JSON' },
  { ...create, name: 'an empty JSON body', body: '', status: 400, code: 'LIFELINE_BAD_JSON' },
  { ...create, name: 'a prototype-polluting JSON body', body: '{"__proto__": {"tier": "brand"}}', status: 400, code: 'LIFELINE_BAD_JSON' },
  { ...create, name: 'a JSON number where an object belongs', body: '42', status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'an object where a string belongs', body: json({ channel: { $ne: null }, language: 'en' }), status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'an unknown channel', body: json({ channel: 'fax', language: 'en' }), status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'a forged tier and score', body: json({ channel: 'call', language: 'en', tier: 'brand', score: 100 }), status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'blank text', body: json({ channel: 'text', language: 'en', text: '   ' }), status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'a language that is not a tag', body: json({ channel: 'call', language: 'not a language' }), status: 400, code: 'LIFELINE_VALIDATION' },
  { ...create, name: 'a body over HTTP_BODY_LIMIT_BYTES', body: json({ channel: 'text', language: 'en', text: 'x'.repeat(9000) }), status: 413, code: 'LIFELINE_PAYLOAD_TOO_LARGE' },
  { ...create, name: 'a text/plain body', type: 'text/plain', body: 'help', status: 415, code: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE' },
  { method: 'GET', path: '/healthz', name: 'headers over 16 KiB', headers: { 'x-padding': 'x'.repeat(20_000) }, status: 431, code: 'LIFELINE_HEADERS_TOO_LARGE' },
  { method: 'GET', path: '/', name: 'a malformed request line', raw: 'BREW /pot HTCPCP/1.0\r\n\r\n', status: 400, code: 'LIFELINE_MALFORMED_HTTP' },
  { method: 'GET', path: '/v1/help-requests/%E0%A4%A', name: 'a URL that does not decode', status: 400, code: 'LIFELINE_MALFORMED_HTTP' },
  { method: 'GET', path: `/v1/help-requests/${'a'.repeat(300)}`, name: 'a path id over the router limit', status: 400, code: 'LIFELINE_VALIDATION' },
  { ...read, name: 'no token', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { ...read, name: 'a token that is not a JWT', as: 'garbage', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { ...read, name: 'an alg:none agent token', as: 'unsignedAgent', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { ...read, name: 'an expired agent token', as: 'expiredAgent', status: 401, code: 'LIFELINE_TOKEN_EXPIRED' },
  { ...read, name: "a deleted agent's token", as: 'deletedAgent', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { ...read, name: 'a platform identity where a Lifeline token belongs', as: 'platform', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { method: 'GET', path: '/v1/supervisor/overview', as: 'deletedAgent', name: "a deleted agent's token on a supervisor route", status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { method: 'POST', path: '/v1/agents/login', type: JSON_TYPE, body: json({ email: 'a@example.test' }), name: 'a login without a password', status: 400, code: 'LIFELINE_VALIDATION' },
  { method: 'POST', path: '/v1/admin/agents', as: 'agent', type: JSON_TYPE, body: json({}), name: 'an agent token on an admin route', status: 401, code: 'LIFELINE_UNAUTHENTICATED' },
  { method: 'GET', path: '/v1/nothing-here', name: 'an unknown route', status: 404, code: 'LIFELINE_NOT_FOUND' },
  { method: 'PUT', path: '/v1/help-requests', name: 'a method the route does not take', status: 404, code: 'LIFELINE_NOT_FOUND' },
];

/** Sends a row over a real socket, so Node's HTTP parser sees it as a client would send it. */
async function send(row: BadInput): Promise<{ status: number; body: any }> {
  if (row.raw !== undefined) return sendRaw(row.raw);
  const headers: Record<string, string> = { ...row.headers };
  if (row.as) headers.authorization = `Bearer ${credentials[row.as]}`;
  if (row.type) headers['content-type'] = row.type;
  const response = await fetch(app.url + row.path.replace('{request}', requestId), {
    method: row.method,
    headers,
    body: row.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : text };
}

function sendRaw(bytes: string): Promise<{ status: number; body: any }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    let reply = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = reply.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}

describe('bad HTTP input gets a coded 4xx', () => {
  it.each(BAD_INPUTS)('$name: $status $code', async (row) => {
    const reply = await send(row);
    expect(reply).toEqual({
      status: row.status,
      body: { error: { code: row.code, message: expect.any(String) } },
    });
  });

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
    expect((await api(app, 'GET', '/readyz')).body).toEqual({
      status: 'ready',
      redis: 'up',
      database: 'up',
      livekit: 'up',
    });
    await createHelpRequest(app, cluster.config, { language: 'en' });
  });
});
