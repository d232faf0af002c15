import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/protocol/errorCodes.js';
import {
  expectStillServing,
  makeCredentials,
  startGuardedCluster,
  type Credentials,
} from '../support/badInput.js';
import type { Cluster, Instance } from '../support/cluster.js';

/** Bad HTTP requests, one table row each: bodies, uploads, headers, URLs, tokens and routes. */
let cluster: Cluster;
let app: Instance;
let credentials: Credentials;
let requestId: string;

beforeAll(async () => {
  cluster = await startGuardedCluster();
  app = cluster.instances[0]!;
  ({ credentials, requestId } = await makeCredentials(app, cluster.config));
});
afterAll(() => cluster.close());

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

  it('is still healthy and pairing after all of the above', () => expectStillServing(app, cluster.config));
});
