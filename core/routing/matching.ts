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
 * The greedy plan every planner shares: requests in the order `byUrgency` puts them, each to the
 * most deserving agent `fits` accepts (it must check capacity too), counting the load each plan
 * adds. A request nobody fits does not block the ones behind it.
 */
export function planGreedily<R extends WaitingRequest>(
  requests: readonly R[],
  agents: readonly AgentSnapshot[],
  byUrgency: (requests: readonly R[]) => readonly R[],
  fits: (agent: AgentSnapshot, request: R) => boolean,
): OfferPlan[] {
  const free = agents.filter(hasCapacity).map((agent) => ({ ...agent }));
  if (free.length === 0 || requests.length === 0) return [];
  const plans: OfferPlan[] = [];
  let spareSlots = free.reduce((sum, agent) => sum + agent.maxSessions - agent.load, 0);
  for (const request of byUrgency(requests)) {
    if (spareSlots === 0) break;
    let chosen: (typeof free)[number] | undefined;
    for (const agent of free) {
      if (fits(agent, request) && (!chosen || moreDeserving(agent, chosen))) chosen = agent;
    }
    if (!chosen) continue;
    chosen.load += 1;
    spareSlots -= 1;
    plans.push({ requestId: request.id, agentId: chosen.id });
  }
  return plans;
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
  return planGreedily(
    requests,
    agents,
    (waiting) => [...waiting].sort((a, b) => compareUrgency(a, b, policy.agingPointsPerMinute)),
    (agent, request) => canTake(agent, request, now, policy),
  );
}
