import { randomUUID } from 'node:crypto';
import type { SocketRef } from '../../platform/stores/PresenceStore.js';
import type { AgentPresence } from './AgentPresence.js';
import type { RoutingDeps } from './deps.js';

/** Dead instances one sweep reaps, and sockets forgotten per script call. */
const REAP_INSTANCES = 10;
const REAP_BATCH = 500;
/** Failed clean-ups kept for a retry; past this, the oldest are left to the lease. */
const MAX_PENDING = 100_000;

type ResyncListener = () => Promise<void>;

/**
 * This API instance's lease in Redis. Every socket is registered with the instance holding it,
 * and counts only while that instance renews its lease. Any instance reaps a dead one's sockets:
 * its users' abandon clocks start and its agents go offline. An instance that finds its own lease
 * gone (it was cut off from Redis for too long) or sees Redis come back re-registers its sockets
 * and re-sends their state, since pub/sub kept nothing for them.
 */
export class InstanceLiveness {
  readonly instanceId = randomUUID();
  private readonly listeners = new Set<ResyncListener>();
  private readonly pending: (() => Promise<void>)[] = [];
  private started = false;

  constructor(
    private readonly deps: Pick<RoutingDeps, 'presenceStore' | 'now' | 'settings' | 'log'>,
    private readonly presence: Pick<AgentPresence, 'offline'>,
  ) {}

  socket(socketId: string = randomUUID()): SocketRef {
    return { socketId, instanceId: this.instanceId };
  }

  onResync(listener: ResyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Renews the lease; if it had lapsed since the last beat, this instance's sockets come back. */
  async heartbeat(): Promise<void> {
    const { presenceStore, now, settings } = this.deps;
    const unknown = await presenceStore.heartbeat(this.instanceId, now() + settings.presenceLeaseMs);
    if (unknown && this.started) await this.resync('this instance’s lease had lapsed');
    this.started = true;
  }

  async resync(reason: string): Promise<void> {
    this.deps.log.warn(
      { instanceId: this.instanceId, reason },
      're-registering sockets and re-sending state',
    );
    await this.retryPending();
    for (const listener of this.listeners) await listener();
  }

  /** A clean-up that failed (a socket closed while Redis was away) is tried again once it is back. */
  retryLater(task: () => Promise<void>): void {
    this.pending.push(task);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** Runs the pending clean-ups in order; stops at the first that still fails. */
  async retryPending(): Promise<void> {
    while (this.pending.length > 0) {
      await this.pending[0]!();
      this.pending.shift();
    }
  }

  /** Forgets the sockets of instances whose lease ran out; returns how many were reaped. */
  async reapDead(): Promise<number> {
    const { presenceStore, now, settings, log } = this.deps;
    const dead = (await presenceStore.deadInstances(now(), REAP_INSTANCES)).filter(
      (id) => id !== this.instanceId,
    );
    for (const instanceId of dead) {
      let result;
      do {
        result = await presenceStore.reapInstance(
          instanceId,
          now(),
          now() + settings.abandonGraceMs,
          REAP_BATCH,
        );
        await this.presence.offline(result.offline);
      } while (result.status === 'MORE');
      if (result.status === 'DONE') log.warn({ instanceId }, 'reaped the sockets of a dead instance');
    }
    return dead.length;
  }

  /** A clean stop: the sockets are closed by now, so the lease goes too. */
  async leave(): Promise<void> {
    await this.deps.presenceStore.forgetInstance(this.instanceId);
  }
}
