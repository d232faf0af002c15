import { randomUUID } from 'node:crypto';
import { planOffers } from '../../core/routing/matching.js';
import type { OfferPlan } from '../../core/routing/types.js';
import type { RoutingDeps } from './deps.js';
import { toOfferedRequest } from './offeredRequest.js';

/**
 * How deep one round reads into the queue. It starts near the free capacity (an agent who just
 * freed up needs only the head of the queue) and widens only while free agents stay unmatched,
 * up to the most urgent MAX_WINDOW requests.
 */
const MIN_WINDOW = 32;
const REQUESTS_PER_FREE_SLOT = 8;
const MAX_WINDOW = 1000;
/** Rounds in a row allowed to lose claims to other instances before waiting for the next event. */
const MAX_CONTENDED_ROUNDS = 5;

/**
 * Turns the pure plan into offers. Any instance may dispatch at any time: each claim is atomic in
 * Redis, so a plan that lost a race to another instance is simply dropped and planned again.
 * Calls are coalesced, so a burst of events costs one round, not one each.
 */
export class Dispatcher {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: RoutingDeps) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  /** Resolves when no round is in flight; used by shutdown to drain. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    let contended = 0;
    do {
      this.again = false;
      try {
        const lost = await this.round();
        contended = lost ? contended + 1 : 0;
        if (lost && contended < MAX_CONTENDED_ROUNDS) this.again = true;
      } catch (error) {
        this.deps.log.warn({ err: error }, 'dispatch round failed; the next event or sweep retries');
        return;
      }
    } while (this.again);
  }

  /** One planning round; returns true if some claim was lost to a concurrent change. */
  private async round(): Promise<boolean> {
    const { queue, presenceStore, now, settings } = this.deps;
    const at = now();
    const agents = await presenceStore.onlineAgents(at);
    const freeSlots = agents.reduce((sum, agent) => sum + Math.max(0, agent.maxSessions - agent.load), 0);
    if (freeSlots === 0) return false;
    const policy = {
      agingPointsPerMinute: settings.agingPointsPerMinute,
      declineCooldownMs: settings.declineCooldownMs,
    };
    let window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, freeSlots * REQUESTS_PER_FREE_SLOT));
    let plans = planOffers(await queue.waitingHead(window), agents, at, policy);
    while (plans.length < freeSlots && window < MAX_WINDOW && (await queue.waitingCount()) > window) {
      window = Math.min(MAX_WINDOW, window * 4);
      plans = planOffers(await queue.waitingHead(window), agents, at, policy);
    }
    if (plans.length === 0) return false;
    const claimed = await Promise.all(plans.map((plan) => this.offer(plan, at)));
    await this.deps.bus.publish({ t: 'queue-changed' });
    return claimed.includes(false);
  }

  private async offer(plan: OfferPlan, at: number): Promise<boolean> {
    const { queue, sessionStore, bus, settings, metrics } = this.deps;
    const offerId = randomUUID();
    const expiresAt = at + settings.offerTimeoutMs;
    if (!(await sessionStore.claimOffer(plan.requestId, plan.agentId, offerId, at, expiresAt))) return false;
    const record = await queue.getRequest(plan.requestId);
    if (!record) return true;
    metrics.offers.inc({ outcome: 'made' });
    metrics.timeToOffer.observe(Math.max(0, at - record.createdAt) / 1000);
    const request = toOfferedRequest(record, at);
    await bus.publish({
      t: 'agent',
      agentId: plan.agentId,
      frame: { type: 'offer', offerId, expiresInMs: settings.offerTimeoutMs, request },
    });
    return true;
  }
}
