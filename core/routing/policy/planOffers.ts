import { hasCapacity, recentlyDeclined } from '../eligibility.js';
import { planGreedily } from '../matching.js';
import { compareUrgency } from '../priority.js';
import type { AgentSnapshot, OfferPlan, RoutingPolicy, WaitingRequest } from '../types.js';
import { meetsEligibility, type Eligibility } from './eligibleAgents.js';

/** A waiting request with what its queue's policy allows at this moment (from `eligibilityAt`). */
export interface PolicyWaitingRequest extends WaitingRequest {
  eligibility: Eligibility;
  priorityBoost: number;
}

/**
 * `planOffers` under a routing policy: the same greedy plan (most urgent request first, each to
 * the most deserving agent who can take it, an unservable request never blocking the ones behind
 * it), with each request's own eligibility and its escalated priority in place of its language
 * and category.
 */
export function planPolicyOffers(
  requests: readonly PolicyWaitingRequest[],
  agents: readonly AgentSnapshot[],
  now: number,
  dispatch: RoutingPolicy,
): OfferPlan[] {
  return planGreedily(
    requests,
    agents,
    (waiting) =>
      waiting
        .map((request) => ({
          request,
          boosted: { ...request, score: request.score + request.priorityBoost },
        }))
        .sort((a, b) => compareUrgency(a.boosted, b.boosted, dispatch.agingPointsPerMinute))
        .map(({ request }) => request),
    (agent, request) =>
      hasCapacity(agent) &&
      meetsEligibility(agent, request.eligibility) &&
      !recentlyDeclined(request, agent.id, now, dispatch),
  );
}
