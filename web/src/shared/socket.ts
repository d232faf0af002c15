import { closeCodeOf } from '@lifeline/core/protocol/errorCodes.js';
import type { ClientFrame, ServerFrame } from '@lifeline/core/protocol/frames.js';

type Listener = (frame: ServerFrame) => void;

/** The credentials themselves were refused: reconnecting with them cannot help. */
const FINAL_CLOSE_CODES = new Set([
  closeCodeOf('LIFELINE_UNAUTHENTICATED'),
  closeCodeOf('LIFELINE_FORBIDDEN'),
]);

/**
 * The Lifeline WebSocket with reconnection: a 4503 (instance shutting down) or a dropped
 * connection reconnects with backoff; auth failures do not.
 */
export class LifelineSocket {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private attempts = 0;
  private closedByUs = false;
  private queue: ClientFrame[] = [];

  /** `query` adds parameters after the token, e.g. `&watch=floor` for a supervisor's listen-only socket. */
  constructor(
    private readonly token: string,
    private readonly query = '',
  ) {
    this.open();
  }

  private open() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws?token=${encodeURIComponent(this.token)}${this.query}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      for (const frame of this.queue.splice(0)) socket.send(JSON.stringify(frame));
    };
    socket.onmessage = (event) => {
      // The server types every frame it sends with this same union; the browser trusts it unchecked.
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      for (const listener of this.listeners) listener(frame);
    };
    socket.onclose = (event) => {
      if (this.closedByUs || FINAL_CLOSE_CODES.has(event.code)) return;
      const delay = Math.min(10_000, 250 * 2 ** this.attempts++);
      setTimeout(() => this.open(), delay);
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else this.queue.push(frame);
  }

  close(): void {
    this.closedByUs = true;
    this.socket?.close();
  }
}
