import { randomUUID } from 'node:crypto';
import type { ClaimedOffer } from '../../platform/stores/SessionStore.js';
import type { RoutingDeps } from './deps.js';
import { toOfferedRequest } from './offeredRequest.js';

/**
 * How many entries of one index a claim reads past requests the agent just declined (or agents
 * who declined the request, or whose instance died unseen). Deeper ones wait for the cooldown.
 */
const INDEX_DEPTH = 32;
/** How many free agents one reconcile pass looks at; the rest wait for the next pass. */
const RECONCILE_BATCH = 1000;

/**
 * Turns events into offers, with work proportional to what changed: a request that starts
 * waiting looks for the most deserving free agent on its route, and an agent that frees a slot
 * takes the most urgent request on its routes, however deep in the queue. Each claim is one
 * atomic Lua script, so any instance may act on any event, and one that loses a race finds
 * nothing to claim. `reconcile` catches what no event announces, such as a cooldown ending.
 */
export class Dispatcher {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: RoutingDeps) {}

  /** A request is waiting (new, re-queued, or re-scored): offer it, or something more urgent. */
  requestWaiting(requestId: string): void {
    this.track(this.placeRequest(requestId));
  }

  /** As requestWaiting, for a request this instance just queued: resolves whether it was offered. */
  placeNew(requestId: string): Promise<boolean> {
    const placed = this.placeRequest(requestId);
    this.track(placed);
    return placed.catch(() => false);
  }

  /** An agent may have a spare slot (freed, came available, declined): fill it. */
  agentFree(agentId: string): void {
    this.track(this.fillAgent(agentId));
  }

  /** Every free agent takes what it can; for timers no event announces and for missed events. */
  reconcile(): void {
    this.track(
      (async () => {
        // An empty queue has nothing to reconcile: no claim per idle agent on a quiet floor.
        if ((await this.deps.queue.waitingCount()) === 0) return;
        for (const agentId of await this.deps.presenceStore.freeAgents(RECONCILE_BATCH))
          await this.fillAgent(agentId);
      })(),
    );
  }

  /** Resolves when no claim is in flight; used by shutdown to drain. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) =>
      this.deps.log.warn({ err: error }, 'dispatch failed; the next event or reconcile retries'),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private terms() {
    const { now, settings } = this.deps;
    const at = now();
    return {
      now: at,
      offerId: randomUUID(),
      expiresAt: at + settings.offerTimeoutMs,
      cooldownMs: settings.declineCooldownMs,
      depth: INDEX_DEPTH,
      criticalReserve: settings.criticalReserveAgents,
    };
  }

  /** Whether this request was offered. */
  private async placeRequest(requestId: string): Promise<boolean> {
    // The agent found may be given a more urgent request instead; then look again for this one.
    for (let tries = 0; tries < INDEX_DEPTH; tries += 1) {
      const terms = this.terms();
      const offered = await this.deps.sessionStore.offerToFreeAgent(requestId, terms);
      if (!offered) return false;
      await this.announce(offered, terms);
      if (offered.record.id === requestId) return true;
    }
    return false;
  }

  private async fillAgent(agentId: string): Promise<void> {
    for (;;) {
      const terms = this.terms();
      const offered = await this.deps.sessionStore.offerBestRequest(agentId, terms);
      if (!offered) return;
      await this.announce(offered, terms);
    }
  }

  private async announce({ agentId, record }: ClaimedOffer, terms: { now: number; offerId: string }) {
    const { bus, settings, metrics } = this.deps;
    metrics.offers.inc({ outcome: 'made' });
    metrics.timeToOffer.observe(Math.max(0, terms.now - record.createdAt) / 1000);
    await bus.publish({
      t: 'agent',
      agentId,
      frame: {
        type: 'offer',
        offerId: terms.offerId,
        expiresInMs: settings.offerTimeoutMs,
        request: toOfferedRequest(record, terms.now),
      },
    });
    await bus.publish({ t: 'queue-changed' });
  }
}
