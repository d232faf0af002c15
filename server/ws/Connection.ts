import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Principal } from '../auth/principal.js';
import { toLifelineError } from '../errors/classify.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { SocketServices } from './deps.js';
import type { ServerFrame } from '../../core/protocol/frames.js';
import type { SocketRef } from '../../platform/stores/PresenceStore.js';
import { agentStateFrames, userStateFrames } from './currentState.js';
import type { SocketMemory } from './handlers/types.js';
import { FrameRateLimiter } from './FrameRateLimiter.js';
import { FRAME_ROUTES } from './handlers/index.js';

const RATE_WINDOW_MS = 10_000;

function rawSize(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
}

/**
 * One authenticated socket. Frames are handled one at a time in arrival order, after the
 * socket's own registration, so an agent's first `agent.status` never races its connect.
 */
export class Connection {
  private work: Promise<void>;
  private closed = false;
  private readonly limiter: FrameRateLimiter;
  private readonly kind: 'agent' | 'request';
  private readonly id: string;
  /** This socket's identity in Redis: counted by id, alive while this instance's lease is. */
  private readonly ref: SocketRef;
  private readonly memory: SocketMemory = {};

  constructor(
    private readonly lifeline: SocketServices,
    private readonly socket: WebSocket,
    private readonly principal: Principal,
    private readonly log: FastifyBaseLogger,
  ) {
    const { limits } = lifeline.config;
    this.limiter = new FrameRateLimiter(limits.wsMessagesPer10s, RATE_WINDOW_MS);
    this.kind = principal.kind === 'agent' ? 'agent' : 'request';
    this.id = principal.kind === 'agent' ? principal.agentId : principal.requestId;
    this.ref = lifeline.liveness.socket();
    // Listeners first, before any await, so no frame is missed.
    socket.on('message', (data, isBinary) => this.enqueue(() => this.receive(data, isBinary)));
    socket.on('close', () => void this.detach());
    socket.on('error', (error) => log.debug({ err: error }, 'socket error'));
    lifeline.sockets.add(this.kind, this.id, socket);
    lifeline.metrics.sockets.inc({ role: principal.kind });
    this.work = this.open().catch((error: unknown) => this.failRegistration(error));
  }

  private enqueue(step: () => Promise<void>): void {
    this.work = this.work.then(step).catch((error: unknown) => this.fail(error));
  }

  private send(frame: ServerFrame): void {
    this.lifeline.sockets.send(this.socket, frame);
  }

  private async open(): Promise<void> {
    this.send({ type: 'hello', role: this.principal.kind, id: this.id });
    await this.register();
    // Before the state goes out: a user reached for a callback has answered by coming back.
    if (this.kind === 'request') await this.lifeline.callbacks.userArrived(this.id);
    await this.sendState();
  }

  private async register(): Promise<void> {
    if (await this.tryRegister()) return;
    // Redis lost this instance's lease (a flush or a long outage): renew it, which also re-registers
    // every socket here, then count this one.
    await this.lifeline.liveness.heartbeat();
    if (!(await this.tryRegister()))
      throw new LifelineError('LIFELINE_REDIS_UNAVAILABLE', 'This instance could not renew its lease');
  }

  private tryRegister(): Promise<boolean> {
    const { presence, requests } = this.lifeline;
    return this.principal.kind === 'agent'
      ? presence.connected(this.id, this.ref)
      : requests.userConnected(this.id, this.ref);
  }

  private async sendState(): Promise<void> {
    if (this.kind === 'request') this.lifeline.positions.forget(this.id);
    const frames =
      this.kind === 'agent'
        ? await agentStateFrames(this.lifeline, this.id)
        : await userStateFrames(this.lifeline, this.id);
    for (const frame of frames) this.send(frame);
  }

  /**
   * After Redis came back or this instance's lease lapsed: count this socket again, restore the
   * agent's status, and re-send what pub/sub may have dropped meanwhile.
   */
  resync(): void {
    // Queued behind this socket's own work, never awaited by the caller: a socket whose
    // registration is what triggered the resync must not wait for itself.
    this.enqueue(async () => {
      if (this.closed) return;
      try {
        await this.register();
        if (this.memory.agentStatus)
          this.send({
            type: 'agent.status',
            status: await this.lifeline.presence.setStatus(this.id, this.memory.agentStatus),
          });
        await this.sendState();
      } catch (error) {
        this.failRegistration(error);
      }
    });
  }

  /** A socket Redis does not know about would wait forever: tell the client to come back (4503). */
  private failRegistration(error: unknown): void {
    const coded = toLifelineError(error);
    this.log.warn(
      { err: error, code: coded.code },
      'socket registration failed; closing so the client reconnects',
    );
    this.close(coded.statusCode >= 500 ? 'LIFELINE_REDIS_UNAVAILABLE' : coded.code);
  }

  private async receive(data: RawData, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (rawSize(data) > this.lifeline.config.limits.wsMessageBytes)
      return this.close('LIFELINE_PAYLOAD_TOO_LARGE');
    if (!this.limiter.allow()) return this.close('LIFELINE_RATE_LIMITED');
    if (isBinary) return this.reject(new LifelineError('LIFELINE_VALIDATION', 'Frames are JSON text'));
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return this.reject(new LifelineError('LIFELINE_BAD_JSON'));
    }
    const ref =
      typeof (frame as { ref?: unknown })?.ref === 'string'
        ? (frame as { ref: string }).ref.slice(0, 64)
        : undefined;
    const type = (frame as { type?: unknown })?.type;
    const route = typeof type === 'string' ? FRAME_ROUTES.get(type) : undefined;
    if (!route)
      return this.reject(
        new LifelineError(
          'LIFELINE_UNKNOWN_MESSAGE',
          `Unknown message type ${JSON.stringify(type)?.slice(0, 40)}`,
        ),
        ref,
      );
    if (!route.check.Check(frame)) {
      const first = route.check.Errors(frame).First();
      return this.reject(
        new LifelineError('LIFELINE_VALIDATION', `${first?.path || '/'}: ${first?.message}`),
        ref,
      );
    }
    if (!route.handler.roles.includes(this.principal.kind))
      return this.reject(
        new LifelineError('LIFELINE_FORBIDDEN', `${route.handler.type} is not for ${this.principal.kind}s`),
        ref,
      );
    try {
      const reply = await route.handler.handle(
        { lifeline: this.lifeline, principal: this.principal, log: this.log, memory: this.memory },
        frame as never,
      );
      if (reply) this.send(ref ? { ...reply, ref } : reply);
    } catch (error) {
      this.reject(error, ref);
    }
  }

  private reject(raw: unknown, ref?: string): void {
    const error = toLifelineError(raw);
    if (error.statusCode >= 500) this.log.error({ err: raw, code: error.code }, 'frame failed');
    this.lifeline.metrics.errors.inc({ code: error.code });
    this.send({ type: 'error', code: error.code, message: error.message, ...(ref ? { ref } : {}) });
  }

  private fail(error: unknown): void {
    this.log.warn({ err: error }, 'socket setup or frame handling failed');
    this.reject(error);
  }

  /** Closes with 4000 + the HTTP status of the code, and the code as the reason. */
  close(code: LifelineError['code']): void {
    if (this.socket.readyState === this.socket.OPEN)
      this.socket.close(new LifelineError(code).closeCode, code);
  }

  /** Runs once, whether the peer left or the server is shutting down. */
  detach(): Promise<void> {
    if (this.closed) return this.work;
    this.closed = true;
    const { sockets, metrics, presence, requests, positions } = this.lifeline;
    const remaining = sockets.remove(this.kind, this.id, this.socket);
    metrics.sockets.dec({ role: this.principal.kind });
    if (remaining === 0 && this.kind === 'request') positions.forget(this.id);
    const leave = () =>
      this.kind === 'agent'
        ? presence.disconnected(this.id, this.ref)
        : requests.userDisconnected(this.id, this.ref);
    this.work = this.work.then(leave).catch((error: unknown) => {
      this.log.warn({ err: error }, 'disconnect clean-up failed; retrying when Redis is back');
      this.lifeline.liveness.retryLater(leave);
    });
    return this.work;
  }
}
