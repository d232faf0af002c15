import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../core/protocol/frames.js';
import type { BusEvent } from '../../platform/bus/EventBus.js';
import { LifelineError } from '../../core/errors/LifelineError.js';

const LISTEN_ONLY = new LifelineError('LIFELINE_UNKNOWN_MESSAGE', 'A floor watch socket only listens');

/** Frames published for one socket that also move the supervisor's figures. */
const FIGURE_FRAMES = new Set<ServerFrame['type']>(['session.ready', 'session.ended', 'request.closed']);

/**
 * Whether a bus event may change the analytics: a request created, answered, closed, ended or
 * rated. `queue-changed` also fires for things that do not (an agent's status): a refetch too many
 * costs a query, a change missed leaves the page wrong, so it counts.
 */
export function changesFigures(event: BusEvent): boolean {
  if (event.t === 'queue-changed' || event.t === 'figures-changed') return true;
  if (event.t === 'agent' || event.t === 'request') return FIGURE_FRAMES.has(event.frame.type);
  return false;
}

/** One supervisor socket's notices: the first change at once, later ones folded into one per interval. */
class Watcher {
  private lastSentAt = 0;
  private due: NodeJS.Timeout | null = null;
  private heardAt = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly send: (socket: WebSocket, frame: ServerFrame) => void,
    private readonly everyMs: number,
  ) {}

  changed(): void {
    this.heardAt = Date.now();
    if (this.due) return;
    const wait = this.lastSentAt + this.everyMs - Date.now();
    if (wait <= 0) return this.tell();
    this.due = setTimeout(() => this.tell(), wait);
    this.due.unref();
  }

  private tell(): void {
    this.due = null;
    this.lastSentAt = Date.now();
    this.send(this.socket, { type: 'analytics.changed', at: new Date(this.heardAt).toISOString() });
  }

  stop(): void {
    if (this.due) clearTimeout(this.due);
    this.due = null;
  }
}

/**
 * This instance's supervisor sockets watching the floor (`/v1/ws?watch=floor`). Every instance
 * hears every bus event (Redis pub/sub), so a change made through any instance reaches them all.
 */
export class FloorWatchers {
  private readonly watchers = new Map<WebSocket, Watcher>();

  constructor(
    private readonly everyMs: number,
    private readonly send: (socket: WebSocket, frame: ServerFrame) => void,
  ) {}

  heard(event: BusEvent): void {
    if (!changesFigures(event)) return;
    for (const watcher of this.watchers.values()) watcher.changed();
  }

  /** Listeners first, then hello. */
  add(socket: WebSocket, agentId: string): void {
    this.watchers.set(socket, new Watcher(socket, this.send, this.everyMs));
    socket.once('close', () => this.remove(socket));
    socket.on('error', () => this.remove(socket));
    // Nothing to answer, and no frame rate to keep: a frame closes the socket (4400).
    socket.on('message', () => {
      this.remove(socket);
      socket.close(LISTEN_ONLY.closeCode, LISTEN_ONLY.code);
    });
    this.send(socket, { type: 'hello', role: 'agent', id: agentId });
  }

  /** Shutting down: each watcher is told to reconnect (to another instance). */
  closeAll(): void {
    const closing = new LifelineError('LIFELINE_SHUTTING_DOWN');
    for (const socket of this.watchers.keys()) {
      this.remove(socket);
      if (socket.readyState === socket.OPEN) socket.close(closing.closeCode, closing.code);
    }
  }

  remove(socket: WebSocket): void {
    this.watchers.get(socket)?.stop();
    this.watchers.delete(socket);
  }

  get size(): number {
    return this.watchers.size;
  }
}
