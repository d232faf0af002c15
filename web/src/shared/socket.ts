export type Frame = { type: string; [key: string]: unknown };
type Listener = (frame: Frame) => void;

/**
 * The Lifeline WebSocket with reconnection: a 4503 (instance shutting down) or a dropped
 * connection reconnects with backoff; auth failures do not.
 */
export class LifelineSocket {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private attempts = 0;
  private closedByUs = false;
  private queue: Frame[] = [];

  constructor(private readonly token: string) {
    this.open();
  }

  private open() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws?token=${encodeURIComponent(this.token)}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      for (const frame of this.queue.splice(0)) socket.send(JSON.stringify(frame));
    };
    socket.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as Frame;
      for (const listener of this.listeners) listener(frame);
    };
    socket.onclose = (event) => {
      if (this.closedByUs || event.code === 4401 || event.code === 4403) return;
      const delay = Math.min(10_000, 250 * 2 ** this.attempts++);
      setTimeout(() => this.open(), delay);
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(frame: Frame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else this.queue.push(frame);
  }

  close(): void {
    this.closedByUs = true;
    this.socket?.close();
  }
}
