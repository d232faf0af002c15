import type { RedisClient } from '../redis/connect.js';
import type { ServerFrame } from '../../core/protocol/frames.js';

/** What one instance tells all: frames for sockets wherever they are, and queue changes. */
export type BusEvent =
  | { t: 'agent'; agentId: string; frame: ServerFrame }
  | { t: 'request'; requestId: string; frame: ServerFrame }
  | { t: 'queue-changed' }
  /** Something outside the API (a worker re-scoring) changed a waiting request: place it again. */
  | { t: 'dispatch'; requestId: string };

type Listener = (event: BusEvent) => void;

/**
 * Redis pub/sub fan-out across API instances. Publishing uses the fail-fast connection; the
 * subscriber uses its own connection that waits out Redis outages and resubscribes by itself.
 * A process that only publishes (a worker) passes no subscriber and holds no second connection.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly channel: string;

  constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient | null,
    prefix: string,
    private readonly onBadMessage: (error: unknown) => void = () => {},
  ) {
    this.channel = `${prefix}events`;
    subscriber?.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.dispatch(message);
    });
  }

  async start(): Promise<void> {
    if (!this.subscriber) throw new Error('this bus only publishes: it was built without a subscriber');
    await this.subscriber.subscribe(this.channel);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(event: BusEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  private dispatch(message: string) {
    let event: BusEvent;
    try {
      event = JSON.parse(message) as BusEvent;
    } catch (error) {
      this.onBadMessage(error);
      return;
    }
    for (const listener of this.listeners) listener(event);
  }
}
