import type { ServerFrameOf } from '../../core/protocol/frames.js';
import { averageHandleSeconds, estimatedWaitSeconds } from '../../core/routing/eta.js';
import type { LocalUsers, RoutingDeps } from './deps.js';

/** Where a waiting request stands: the `queue.update` frame without its envelope. */
export type QueueSnapshot = Omit<ServerFrameOf<'queue.update'>, 'type' | 'requestId'>;

type ServiceRate = Parameters<typeof estimatedWaitSeconds>[1];

/** Offered to an agent: no longer in the line, not yet in a session. */
export const CONNECTING: QueueSnapshot = { position: 1, etaSeconds: 0, state: 'connecting' };

/** Largest queue read in one push; a longer queue shows its tail as this position. */
const MAX_QUEUE_READ = 100_000;
/** One read of the whole line costs about as much as this many single rank lookups. */
const RANK_LOOKUPS_PER_READ = 50;

/**
 * Pushes `queue.update` to the users whose sockets are on this instance, whenever the shared queue
 * changes anywhere. Pushes are coalesced to one per interval and skipped when nothing changed.
 */
export class QueuePositions {
  private readonly lastSent = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> | null = null;
  private lastPushAt = 0;
  private rate: { at: number; value: Promise<ServiceRate> } | null = null;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly sockets: LocalUsers,
  ) {}

  changed(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPushAt + this.deps.settings.queueUpdateIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastPushAt = Date.now();
      this.pushing = this.push()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'queue position push failed'))
        .finally(() => (this.pushing = null));
    }, wait);
  }

  /**
   * Agents online and the mean recent handle time, read at most once per push interval: every
   * estimate within it (pushes, and the reply to each new request) uses the same read.
   */
  private serviceRate(): Promise<ServiceRate> {
    const now = Date.now();
    if (this.rate && now - this.rate.at < this.deps.settings.queueUpdateIntervalMs) return this.rate.value;
    const value = Promise.all([
      this.deps.floor.recentHandleSeconds(),
      this.deps.presenceStore.countOnlineAgents(),
    ]).then(([recent, serving]) => ({
      servingAgents: serving,
      avgHandleSeconds: averageHandleSeconds(recent, this.deps.settings.defaultHandleSeconds),
    }));
    const rate = { at: now, value };
    this.rate = rate;
    // A failed read is not reused.
    value.catch(() => {
      if (this.rate === rate) this.rate = null;
    });
    return value;
  }

  /** The estimated wait at each 1-based position, from one read of the service rate. */
  async estimates(positions: readonly number[]): Promise<number[]> {
    const rate = await this.serviceRate();
    return positions.map((position) => estimatedWaitSeconds(position, rate));
  }

  /** A request waiting at this 1-based place, with its estimated wait. */
  async waitingAt(position: number): Promise<QueueSnapshot> {
    return {
      position,
      etaSeconds: estimatedWaitSeconds(position, await this.serviceRate()),
      state: 'waiting',
    };
  }

  /** Where a request stands now, or null once it is no longer waiting for an agent. */
  async snapshot(requestId: string): Promise<QueueSnapshot | null> {
    const { position, state } = await this.deps.queue.standing(requestId);
    if (position !== null) return this.waitingAt(position);
    return state === 'offered' ? CONNECTING : null;
  }

  private async push(): Promise<void> {
    const local = this.sockets.localRequestIds();
    if (local.length === 0) return;
    const [positions, rate] = await Promise.all([this.placesOf(local), this.serviceRate()]);
    for (const requestId of local) {
      const position = positions.get(requestId);
      const snapshot: QueueSnapshot | null =
        position !== undefined
          ? { position, etaSeconds: estimatedWaitSeconds(position, rate), state: 'waiting' }
          : await this.snapshot(requestId);
      if (snapshot) this.send(requestId, snapshot);
    }
  }

  /**
   * 1-based places of these requests: one rank lookup each when they are few next to the queue,
   * one read of the line when they are many, so a long queue costs a push little.
   */
  private async placesOf(requestIds: string[]): Promise<Map<string, number>> {
    const { queue } = this.deps;
    if (requestIds.length * RANK_LOOKUPS_PER_READ < (await queue.waitingCount()))
      return queue.positions(requestIds);
    const order = await queue.queueOrder(MAX_QUEUE_READ);
    return new Map(order.map((id, index) => [id, index + 1]));
  }

  /** Sends the snapshot unless this socket's user already has exactly that one. */
  send(requestId: string, snapshot: QueueSnapshot): void {
    const key = `${snapshot.position}:${snapshot.etaSeconds}:${snapshot.state}`;
    if (this.lastSent.get(requestId) === key) return;
    this.lastSent.set(requestId, key);
    this.sockets.sendTo('request', requestId, { type: 'queue.update', requestId, ...snapshot });
  }

  forget(requestId: string): void {
    this.lastSent.delete(requestId);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pushing;
  }
}
