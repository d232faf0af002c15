import type { FastifyBaseLogger } from 'fastify';
import type { AgentPresence } from './AgentPresence.js';
import type { Dispatcher } from './Dispatcher.js';
import type { OfferService } from './OfferService.js';

/** A dispatch round at least this often catches what no event announces, such as a decline cooldown ending. */
const IDLE_DISPATCH_MS = 2000;

/**
 * Periodic work every instance runs: expiring offers, abandoning requests, renewing and expiring
 * agent leases. Each step is an atomic claim in Redis, so instances may sweep concurrently and
 * a crashed instance's timers are picked up by the others.
 */
export class Sweeper {
  private interval: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;
  private lastLeaseRenewal = 0;
  private lastDispatch = 0;

  constructor(
    private readonly deps: {
      offers: OfferService;
      /** Closes requests whose user stayed away past the grace period (the help-requests module). */
      requests: { abandonDue(): Promise<number> };
      presence: AgentPresence;
      dispatcher: Dispatcher;
      localAgentIds: () => string[];
      intervalMs: number;
      leaseMs: number;
      now: () => number;
      log: FastifyBaseLogger;
    },
  ) {}

  start(): void {
    if (this.interval) return;
    this.interval = setInterval(() => {
      this.tick ??= this.sweep().finally(() => (this.tick = null));
    }, this.deps.intervalMs);
    this.interval.unref();
  }

  private async sweep(): Promise<void> {
    const { offers, requests, presence, dispatcher, now, log } = this.deps;
    try {
      await offers.expireDue();
      await requests.abandonDue();
      if (now() - this.lastLeaseRenewal >= this.deps.leaseMs / 3) {
        this.lastLeaseRenewal = now();
        await presence.renewLeases(this.deps.localAgentIds());
        await presence.expireStale();
      }
      if (now() - this.lastDispatch >= IDLE_DISPATCH_MS) {
        this.lastDispatch = now();
        dispatcher.request();
      }
    } catch (error) {
      log.warn({ err: error }, 'sweep failed; retrying on the next tick');
    }
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.tick;
  }
}
