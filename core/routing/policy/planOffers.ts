import { hasCapacity, recentlyDeclined } from '../eligibility.js';
import { compareUrgency } from '../priority.js';
import type { AgentSnapshot, OfferPlan, RoutingPolicy, WaitingRequest } from '../types.js';
import { meetsEligibility, type Eligibility } from './eligibleAgents.js';

/** A waiting request with what its queue's policy allows at this moment (from `eligibilityAt`). */
export interface PolicyWaitingRequest extends WaitingRequest {
  eligibility: Eligibility;
  priorityBoost: number;
}

/** Longest idle first; then the least loaded; then by id. The order `planOffers` uses. */
function moreDeserving(a: AgentSnapshot, b: AgentSnapshot): boolean {
  if (a.idleSince !== b.idleSince) return a.idleSince < b.idleSince;
  if (a.load !== b.load) return a.load < b.load;
  return a.id < b.id;
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
  const free = agents.filter(hasCapacity).map((agent) => ({ ...agent }));
  if (free.length === 0 || requests.length === 0) return [];
  const ordered = requests
    .map((request) => ({ request, boosted: { ...request, score: request.score + request.priorityBoost } }))
    .sort((a, b) => compareUrgency(a.boosted, b.boosted, dispatch.agingPointsPerMinute));
  const plans: OfferPlan[] = [];
  let spareSlots = free.reduce((sum, agent) => sum + agent.maxSessions - agent.load, 0);
  for (const { request } of ordered) {
    if (spareSlots === 0) break;
    let chosen: (typeof free)[number] | undefined;
    for (const agent of free) {
      const fits =
        hasCapacity(agent) &&
        meetsEligibility(agent, request.eligibility) &&
        !recentlyDeclined(request, agent.id, now, dispatch);
      if (fits && (!chosen || moreDeserving(agent, chosen))) chosen = agent;
    }
    if (!chosen) continue;
    chosen.load += 1;
    spareSlots -= 1;
    plans.push({ requestId: request.id, agentId: chosen.id });
  }
  return plans;
}
