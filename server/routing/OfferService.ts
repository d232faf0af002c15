import { randomUUID } from 'node:crypto';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { ServerFrameOf } from '../../core/protocol/frames.js';
import type { Dispatcher } from './Dispatcher.js';
import { toOfferedRequest } from './offeredRequest.js';
import type { RoutingDeps, SessionStarter } from './deps.js';

/** How many due offers one sweep expires; the rest wait for the next sweep. */
const EXPIRE_BATCH = 200;

/** An agent's answer to an offer, and offers that ran out of time. */
export class OfferService {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly sessions: SessionStarter,
    private readonly dispatcher: Dispatcher,
  ) {}

  async accept(agentId: string, offerId: string): Promise<string> {
    const sessionId = randomUUID();
    const now = this.deps.now();
    const ringBy = now + this.deps.settings.callbackAnswerMs;
    const result = await this.deps.sessionStore.acceptOffer(offerId, agentId, now, sessionId, ringBy);
    if (result.status === 'FORBIDDEN')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'This offer is not yours');
    if (result.status !== 'OK' || !result.requestId) throw new LifelineError('LIFELINE_OFFER_GONE');
    this.deps.metrics.offers.inc({ outcome: 'accepted' });
    const at = this.deps.now();
    await this.deps.records.keep(
      'accept',
      { kind: 'transition', caseId: result.requestId, state: 'assigned', reason: 'accepted', at },
      { kind: 'callStarted', sessionId, caseId: result.requestId, agentId, at },
    );
    await this.sessions.start(sessionId, result.requestId, agentId);
    return sessionId;
  }

  async decline(agentId: string, offerId: string): Promise<void> {
    const result = await this.deps.sessionStore.releaseOffer(offerId, this.deps.now(), 'decline', agentId);
    if (result.status === 'FORBIDDEN')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'This offer is not yours');
    if (result.status !== 'OK') throw new LifelineError('LIFELINE_OFFER_GONE');
    this.deps.metrics.offers.inc({ outcome: 'declined' });
    await this.requeued(result.requestId, agentId);
  }

  /** The offers an agent still holds, as the frames that made them (for a socket that reconnects). */
  async heldBy(agentId: string): Promise<ServerFrameOf<'offer'>[]> {
    const { sessionStore, queue, now } = this.deps;
    const frames: ServerFrameOf<'offer'>[] = [];
    for (const offerId of await sessionStore.offersHeldBy(agentId)) {
      const offer = await sessionStore.getOffer(offerId);
      const record = offer && (await queue.getRequest(offer.requestId));
      if (!offer || !record || offer.expiresAt <= now()) continue;
      const request = toOfferedRequest(record, now());
      frames.push({ type: 'offer', offerId, expiresInMs: offer.expiresAt - now(), request });
    }
    return frames;
  }

  /** An agent who left cannot answer: its offers go straight to the next agent, not after the timeout. */
  async withdrawAllFrom(agentId: string): Promise<void> {
    const { sessionStore, now, metrics } = this.deps;
    for (const offerId of await sessionStore.offersHeldBy(agentId)) {
      const result = await sessionStore.releaseOffer(offerId, now(), 'withdraw');
      if (result.status !== 'OK') continue;
      metrics.offers.inc({ outcome: 'withdrawn' });
      await this.requeued(result.requestId);
    }
  }

  /** Returns offers whose time ran out to the queue; any instance may do it, only one succeeds per offer. */
  async expireDue(): Promise<number> {
    const { sessionStore, bus, now, metrics } = this.deps;
    const due = await sessionStore.dueOffers(now(), EXPIRE_BATCH);
    let expired = 0;
    for (const offerId of due) {
      const result = await sessionStore.releaseOffer(offerId, now(), 'expire');
      if (result.status !== 'OK' || !result.agentId) continue;
      expired += 1;
      metrics.offers.inc({ outcome: 'expired' });
      await bus.publish({
        t: 'agent',
        agentId: result.agentId,
        frame: { type: 'offer.withdrawn', offerId, reason: 'expired' },
      });
      await this.requeued(result.requestId, result.agentId);
    }
    return expired;
  }

  /** The request is waiting again and the agent, if any, has a slot back: both look for work. */
  private async requeued(requestId: string | undefined, agentId?: string): Promise<void> {
    await this.deps.bus.publish({ t: 'queue-changed' });
    if (requestId) this.dispatcher.requestWaiting(requestId);
    if (agentId) this.dispatcher.agentFree(agentId);
  }
}
