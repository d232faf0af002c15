import { averageHandleSeconds, estimatedWaitSeconds } from '../eta.js';
import type { AgentSkills } from '../eligibility.js';
import { countEligible, type Eligibility } from '../policy/eligibleAgents.js';
import { compareUrgency } from '../priority.js';

/** The server keeps the last 100 handle times (`stats:handle-seconds`, trimmed in the end script). */
const RECENT_HANDLES = 100;

/** What a waiting request shows the queue's position script: its route keys and its rank. */
export interface RoutedRequest {
  id: string;
  score: number;
  priorityBoost: number;
  createdAt: number;
  /** `routesOf(eligibility)`: the first is the route whose index it is ranked on. */
  routes: readonly string[];
}

/**
 * The request's 1-based place as the queue's `standings` script gives it: its rank (urgency with
 * any policy boost) among the requests indexed under its first route key, whatever their own route.
 */
export function positionOnRoute<R extends RoutedRequest>(
  request: R,
  waiting: readonly R[],
  agingPointsPerMinute: number,
): number {
  const key = request.routes[0];
  const boosted = (r: R) => ({ score: r.score + r.priorityBoost, createdAt: r.createdAt, id: r.id });
  const mine = boosted(request);
  let ahead = 0;
  for (const other of waiting) {
    if (other === request || !other.routes.includes(key ?? '')) continue;
    if (compareUrgency(boosted(other), mine, agingPointsPerMinute) < 0) ahead += 1;
  }
  return ahead + 1;
}

/**
 * Agents online who serve any of the request's route keys, as the presence script counts them.
 * Keys are language × the first skill group only, so further groups are left out here as well.
 */
export function servingAgents(agents: readonly AgentSkills[], eligibility: Eligibility): number {
  return countEligible(agents, onRouteKeys(eligibility));
}

const onRouteKeys = (eligibility: Eligibility): Eligibility => ({
  ...eligibility,
  skillGroups: eligibility.skillGroups.slice(0, 1),
});

/** Recent handle times as the server keeps them: when each agent's session began, the last 100 lengths. */
export class HandleTimes {
  private readonly startedAt: number[] = [];
  private readonly recent: number[] = [];
  private next = 0;

  constructor(private readonly fallbackSeconds: number) {}

  started(agent: number, at: number): void {
    this.startedAt[agent] = at;
  }

  ended(agent: number, at: number): void {
    const began = this.startedAt[agent];
    if (began === undefined) return;
    this.recent[this.next] = at - began;
    this.next = (this.next + 1) % RECENT_HANDLES;
  }

  averageSeconds(): number {
    return averageHandleSeconds(this.recent, this.fallbackSeconds);
  }
}

/**
 * The ETA the server would push to this request now: `estimatedWaitSeconds` at its place on its
 * route, over the agents who can serve it and the recent mean handle time. Null where the server
 * shows no number (nobody who can serve it is online).
 */
export function shownEtaSeconds<R extends RoutedRequest & { eligibility: Eligibility }>(
  request: R,
  floor: {
    waiting: readonly R[];
    agents: readonly AgentSkills[];
    handles: HandleTimes;
    agingPointsPerMinute: number;
  },
): number | null {
  const serving = servingAgents(floor.agents, request.eligibility);
  if (serving === 0) return null;
  const position = positionOnRoute(request, floor.waiting, floor.agingPointsPerMinute);
  return estimatedWaitSeconds(position, {
    servingAgents: serving,
    avgHandleSeconds: floor.handles.averageSeconds(),
  });
}
