import type { RedisClient } from '../redis/connect.js';
import type { ServerFrame } from '../../core/protocol/frames.js';

/** What one instance tells all: frames for sockets wherever they are, and queue changes. */
export type BusEvent =
  | { t: 'agent'; agentId: string; frame: ServerFrame }
  | { t: 'request'; requestId: string; frame: ServerFrame }
  /** One frame for many requests' users (an incident's status): one message, not one per user. */
  | { t: 'requests'; requestIds: string[]; frame: ServerFrame }
  | { t: 'queue-changed' }
  /** Something outside the API (a worker re-scoring) changed a waiting request: place it again. */
  | { t: 'dispatch'; requestId: string }
  /** A new routing policy version is in force: read it. */
  | { t: 'policy-changed'; version: number }
  /** A figure of the supervisor's analytics changed that no other event tells of (a rating). */
  | { t: 'figures-changed' };

type Listener = (event: BusEvent) => void;

export interface EventBusOptions {
  onBadMessage?: (error: unknown) => void;
  /**
   * `queue-changed` says only "look at the queue again", and each instance pushes positions at
   * most once per its update interval whatever it hears. So, at most once per this many ms, this
   * publisher sends it: the first change at once, later ones folded into one sent when the time
   * is up. 0 sends every one.
   */
  queueChangedEveryMs?: number;
  /** A folded `queue-changed` that could not be sent (no caller is waiting for it). */
  onPublishFailure?: (error: unknown) => void;
}

/**
 * Redis pub/sub fan-out across API instances. Publishing uses the fail-fast connection; the
 * subscriber uses its own connection that waits out Redis outages and resubscribes by itself.
 * A process that only publishes (a worker) passes no subscriber and holds no second connection.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly channel: string;
  private lastQueueChangedAt = 0;
  private queueChangedDue: NodeJS.Timeout | null = null;

  constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient | null,
    prefix: string,
    private readonly options: EventBusOptions = {},
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
    if (event.t === 'queue-changed' && this.options.queueChangedEveryMs) return this.queueChanged();
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  /** Sends a folded `queue-changed` now, if one is waiting; for shutdown. */
  async flush(): Promise<void> {
    if (!this.queueChangedDue) return;
    clearTimeout(this.queueChangedDue);
    this.queueChangedDue = null;
    await this.sendQueueChanged();
  }

  private async queueChanged(): Promise<void> {
    // One is due already: it tells of this change too.
    if (this.queueChangedDue) return;
    const wait = this.lastQueueChangedAt + (this.options.queueChangedEveryMs ?? 0) - Date.now();
    if (wait <= 0) return this.sendQueueChanged();
    this.queueChangedDue = setTimeout(() => {
      this.queueChangedDue = null;
      this.sendQueueChanged().catch((error: unknown) => this.options.onPublishFailure?.(error));
    }, wait);
    this.queueChangedDue.unref();
  }

  private async sendQueueChanged(): Promise<void> {
    this.lastQueueChangedAt = Date.now();
    await this.publisher.publish(this.channel, JSON.stringify({ t: 'queue-changed' }));
  }

  private dispatch(message: string) {
    let event: BusEvent;
    try {
      event = JSON.parse(message) as BusEvent;
    } catch (error) {
      this.options.onBadMessage?.(error);
      return;
    }
    for (const listener of this.listeners) listener(event);
  }
}
