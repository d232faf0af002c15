import { canTake, hasCapacity } from './eligibility.js';
import { compareUrgency } from './priority.js';
import type { AgentSnapshot, OfferPlan, RoutingPolicy, WaitingRequest } from './types.js';

/** Longest idle first; then the least loaded; then by id so the choice is deterministic. */
function moreDeserving(a: AgentSnapshot, b: AgentSnapshot): boolean {
  if (a.idleSince !== b.idleSince) return a.idleSince < b.idleSince;
  if (a.load !== b.load) return a.load < b.load;
  return a.id < b.id;
}

/**
 * Decides which waiting requests to offer to which agents right now: the most urgent request
 * first, each to the most deserving agent who can take it. A request nobody can take does not
 * block the ones behind it. Pure: the caller claims each plan atomically and may lose some.
 */
export function planOffers(
  requests: readonly WaitingRequest[],
  agents: readonly AgentSnapshot[],
  now: number,
  policy: RoutingPolicy,
): OfferPlan[] {
  const free = agents.filter(hasCapacity).map((agent) => ({ ...agent }));
  if (free.length === 0 || requests.length === 0) return [];
  const ordered = [...requests].sort((a, b) => compareUrgency(a, b, policy.agingPointsPerMinute));
  const plans: OfferPlan[] = [];
  let spareSlots = free.reduce((sum, agent) => sum + agent.maxSessions - agent.load, 0);
  for (const request of ordered) {
    if (spareSlots === 0) break;
    let chosen: (typeof free)[number] | undefined;
    for (const agent of free) {
      if (canTake(agent, request, now, policy) && (!chosen || moreDeserving(agent, chosen))) chosen = agent;
    }
    if (!chosen) continue;
    chosen.load += 1;
    spareSlots -= 1;
    plans.push({ requestId: request.id, agentId: chosen.id });
  }
  return plans;
}
