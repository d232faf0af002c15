import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import type { Config } from '../../server/config/load.js';
import type { ServerFrame, SessionReady } from '../../core/protocol/frames.js';
import type { Instance } from './cluster.js';

/** Where an API instance answers: in this process (an Instance) or in a child process. */
export type Endpoint = Pick<Instance, 'url' | 'wsUrl'>;

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

/** A test-side WebSocket that buffers every frame so tests can wait for the one they expect. */
export class WsClient {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as ServerFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** `query` adds parameters after the token, e.g. `&watch=floor`. */
  static connect(url: string, token: string, query = ''): Promise<WsClient> {
    const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}${query}`);
    const client = new WsClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused: ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the next not-yet-consumed frame of this type that matches; consumes it. */
  async next<T extends ServerFrame['type']>(
    type: T,
    match: (frame: Frame<T>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Frame<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => f.type === type && match(f as Frame<T>));
      if (index >= 0) return this.frames.splice(index, 1)[0] as Frame<T>;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no ${type} frame within ${timeoutMs} ms; saw ${this.frames.map((f) => f.type).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asserts that no frame of this type arrives within the window. */
  async expectNone(type: ServerFrame['type'], windowMs: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const found = this.frames.find((f) => f.type === type);
    if (found) throw new Error(`unexpected ${type}: ${JSON.stringify(found)}`);
  }

  close(): void {
    this.socket.close();
  }
}

export function platformToken(
  config: Config,
  claims: { sub?: string; tier?: string; name?: string; expSeconds?: number } = {},
) {
  const { sub = `user-${randomUUID()}`, tier = 'regular', name, expSeconds = 600 } = claims;
  return new SignJWT({ tier, ...(name ? { name } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(Math.floor(Date.now() / 1000) + expSeconds)
    .sign(new TextEncoder().encode(config.secrets.platform));
}

export async function api(
  instance: Endpoint,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(instance.url + path, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

export interface TestAgent {
  id: string;
  token: string;
  email: string;
}

export async function createAgent(
  instance: Endpoint,
  config: Config,
  profile: { languages?: string[]; skills?: string[]; maxSessions?: number; name?: string } = {},
): Promise<TestAgent> {
  const email = `agent-${randomUUID()}@example.test`;
  const password = 'correct-horse-battery';
  const created = await api(instance, 'POST', '/v1/admin/agents', {
    token: config.secrets.admin,
    body: {
      email,
      password,
      name: profile.name ?? 'Agent',
      languages: profile.languages ?? ['en'],
      skills: profile.skills ?? [],
      maxSessions: profile.maxSessions ?? 1,
    },
  });
  if (created.status !== 201) throw new Error(`agent create failed: ${JSON.stringify(created.body)}`);
  const login = await api(instance, 'POST', '/v1/agents/login', { body: { email, password } });
  return { id: created.body.id, token: login.body.token, email };
}

/** Connects an agent's socket and makes it available; resolves when the server confirmed. */
export async function agentOnline(instance: Endpoint, agent: TestAgent): Promise<WsClient> {
  const socket = await WsClient.connect(instance.wsUrl, agent.token);
  socket.send({ type: 'agent.status', status: 'available', ref: 'online' });
  await socket.next('agent.status', (f) => f.ref === 'online');
  return socket;
}

export async function createHelpRequest(
  instance: Endpoint,
  config: Config,
  body: Record<string, unknown> = {},
  claims = {},
) {
  const token = await platformToken(config, claims);
  const reply = await api(instance, 'POST', '/v1/help-requests', {
    token,
    body: { channel: 'call', media: 'audio', language: 'en', ...body },
  });
  if (reply.status !== 201)
    throw new Error(`help request failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; accessToken: string; position: number; etaSeconds: number };
}

/** The live call a session.ready carries; fails the test if it carries none. */
export function liveCall(ready: SessionReady): { room: string; livekitUrl: string; token: string } {
  const { room, livekitUrl, token } = ready;
  if (!room || !livekitUrl || !token) throw new Error(`session ${ready.sessionId} holds no live call`);
  return { room, livekitUrl, token };
}

/** A supervisor account, logged in; fails the test if the account cannot be made. */
export async function createSupervisor(
  instance: Endpoint,
  config: Config,
  name = 'Sam Supervisor',
): Promise<TestAgent> {
  const email = `supervisor-${randomUUID()}@example.test`;
  const password = 'correct-horse-battery';
  const created = await api(instance, 'POST', '/v1/admin/agents', {
    token: config.secrets.admin,
    body: { email, password, name, languages: ['en'], skills: [], role: 'supervisor' },
  });
  if (created.status !== 201) throw new Error(`supervisor create failed: ${JSON.stringify(created.body)}`);
  const login = await api(instance, 'POST', '/v1/agents/login', { body: { email, password } });
  return { id: created.body.id, token: login.body.token, email };
}
