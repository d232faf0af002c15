import type { AgentSkills } from '../eligibility.js';
import { planOffers } from '../matching.js';
import type { EligibilityDecision } from '../policy/escalation.js';
import { planPolicyOffers, type PolicyWaitingRequest } from '../policy/planOffers.js';
import { routesOf } from '../policy/placement.js';
import type { AgentSnapshot, RoutingPolicy } from '../types.js';
import { EventHeap } from './EventHeap.js';
import type { EtaSample } from './etaError.js';
import { plainEligibility, policyDecider, subjectOf } from './policyRouting.js';
import { HandleTimes, shownEtaSeconds } from './shownEta.js';
import type { SimOptions, SimResult } from './simulate.js';
import { seededRandom } from '../../random.js';

type SimEvent =
  | { at: number; kind: 'arrival'; klass: number }
  | { at: number; kind: 'departure'; agent: number }
  | { at: number; kind: 'step'; request: string; waited: number };

export type SimWaiting = PolicyWaitingRequest & {
  klass: number;
  counted: boolean;
  arrivedAt: number;
  position: number;
  decision?: EligibilityDecision;
  alertedStep: number;
  /** Its route index keys, kept with its eligibility: what the server ranks it on. */
  routes: string[];
  /** What the server would have shown it once it had to wait (with `recordEta`). */
  etaSeconds?: number;
};

interface SimTally {
  served: number;
  waited: number;
  totalWait: number;
  classTotal: number[];
  classCount: number[];
  classUnserved: number[];
  positionSamples: SimResult['positionSamples'];
  servedWithReason: SimResult['servedWithReason'];
  supervisorAlerts: number;
  etaSamples: EtaSample[];
}

/** One run of the simulator: everything its events change. The functions below are what each event does. */
export interface SimRun {
  options: SimOptions;
  /** One draw from an exponential distribution with this rate, from the run's seeded stream. */
  exponential: (rate: number) => number;
  policy: RoutingPolicy;
  agents: AgentSnapshot[];
  decide: ((klass: number, waitedSeconds: number) => EligibilityDecision) | undefined;
  heap: EventHeap<SimEvent>;
  waiting: SimWaiting[];
  byId: Map<string, SimWaiting>;
  tally: SimTally;
  arrived: number;
  nextId: number;
  /** Kept only with `recordEta`, so plain runs stay as fast as they were. */
  handles: HandleTimes | undefined;
}

function simulatedAgents(count: number, profiles: readonly AgentSkills[]): AgentSnapshot[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    languages: profiles[i % profiles.length]!.languages,
    skills: profiles[i % profiles.length]!.skills,
    maxSessions: 1,
    load: 0,
    idleSince: 0,
  }));
}

export function startRun(options: SimOptions): SimRun {
  const rand = seededRandom(options.seed);
  const agents = simulatedAgents(
    options.agents,
    options.agentProfiles ?? [{ languages: ['en'], skills: [] }],
  );
  const perClass = () => options.classes.map(() => 0);
  const run: SimRun = {
    options,
    exponential: (rate) => -Math.log(1 - rand()) / rate,
    policy: options.policy ?? { agingPointsPerMinute: 0, declineCooldownMs: 0 },
    agents,
    decide: options.routing && policyDecider(options.routing, options.classes, agents),
    heap: new EventHeap<SimEvent>(),
    waiting: [],
    byId: new Map(),
    tally: {
      served: 0,
      waited: 0,
      totalWait: 0,
      classTotal: perClass(),
      classCount: perClass(),
      classUnserved: perClass(),
      positionSamples: [],
      servedWithReason: {},
      supervisorAlerts: 0,
      etaSamples: [],
    },
    arrived: 0,
    nextId: 0,
    handles: options.recordEta ? new HandleTimes(1 / options.serviceRate) : undefined,
  };
  options.classes.forEach((_, klass) => scheduleArrival(run, klass, 0));
  return run;
}

function scheduleArrival(run: SimRun, klass: number, now: number): void {
  const at = now + run.exponential(run.options.classes[klass]!.arrivalRate);
  run.heap.push({ at, kind: 'arrival', klass });
}

/** A request of this class joins the back of the queue; the next of its class is scheduled first. */
export function arrive(run: SimRun, klassIndex: number, at: number): SimWaiting {
  run.arrived += 1;
  if (run.arrived <= run.options.arrivals) scheduleArrival(run, klassIndex, at);
  const klass = run.options.classes[klassIndex]!;
  const { language, category } = subjectOf(klass);
  const entry: SimWaiting = {
    id: `r${run.nextId++}`,
    language,
    category,
    score: klass.score,
    createdAt: at * 1000,
    declinedBy: {},
    klass: klassIndex,
    counted: run.arrived > run.options.warmup,
    arrivedAt: at,
    position: run.waiting.length + 1,
    eligibility: plainEligibility(klass),
    priorityBoost: 0,
    alertedStep: -1,
    routes: [],
  };
  entry.routes = routesOf(entry.eligibility);
  run.waiting.push(entry);
  run.byId.set(entry.id, entry);
  reroute(run, entry, 0);
  return entry;
}

// A request's routing changes only when one of its steps comes due: it is decided again then.
function reroute(run: SimRun, entry: SimWaiting, waited: number): void {
  if (!run.decide) return;
  const decision = run.decide(entry.klass, waited);
  Object.assign(entry, {
    decision,
    eligibility: decision,
    priorityBoost: decision.priorityBoost,
    routes: routesOf(decision),
  });
  if (decision.alertStep !== null && decision.alertStep > entry.alertedStep) {
    entry.alertedStep = decision.alertStep;
    if (entry.counted) run.tally.supervisorAlerts += 1;
  }
  const next = decision.nextStepAfterSeconds;
  if (next !== null)
    run.heap.push({ at: entry.arrivedAt + next, kind: 'step', request: entry.id, waited: next });
}

/** Offers are taken at once: each planned request leaves the queue and its agent starts a session. */
export function dispatch(run: SimRun, now: number): void {
  const { waiting, agents } = run;
  if (waiting.length === 0 || !agents.some((a) => a.load === 0)) return;
  // Times are seconds here; the core works in milliseconds.
  const plans = run.decide
    ? planPolicyOffers(waiting, agents, now * 1000, run.policy)
    : planOffers(waiting, agents, now * 1000, run.policy);
  for (const plan of plans) {
    const index = waiting.findIndex((w) => w.id === plan.requestId);
    const [request] = waiting.splice(index, 1);
    run.byId.delete(plan.requestId);
    const agentIndex = Number(plan.agentId.slice(1));
    agents[agentIndex]!.load = 1;
    run.handles?.started(agentIndex, now);
    if (request!.counted) countServed(run.tally, request!, now - request!.arrivedAt);
    run.heap.push({
      at: now + run.exponential(run.options.serviceRate),
      kind: 'departure',
      agent: agentIndex,
    });
  }
}

function countServed(tally: SimTally, request: SimWaiting, wait: number): void {
  tally.served += 1;
  tally.totalWait += wait;
  if (wait > 0) tally.waited += 1;
  tally.classTotal[request.klass]! += wait;
  tally.classCount[request.klass]! += 1;
  if (tally.positionSamples.length < 200_000)
    tally.positionSamples.push({ position: request.position, wait });
  if (request.etaSeconds !== undefined)
    tally.etaSamples.push({ klass: request.klass, etaSeconds: request.etaSeconds, waitSeconds: wait });
  for (const reason of request.decision?.reasons ?? [])
    tally.servedWithReason[reason.code] = (tally.servedWithReason[reason.code] ?? 0) + 1;
}

/**
 * A request that joined and was not taken at once is shown a wait: the one the server would push,
 * from the queue as it stands after this event's offers.
 */
export function showEta(run: SimRun, entry: SimWaiting): void {
  if (!run.handles || !entry.counted || !run.byId.has(entry.id)) return;
  const eta = shownEtaSeconds(entry, {
    waiting: run.waiting,
    agents: run.agents,
    handles: run.handles,
    agingPointsPerMinute: run.policy.agingPointsPerMinute,
  });
  if (eta !== null) entry.etaSeconds = eta;
}

/** One of a request's escalation steps is due, unless it has been served already. */
export function stepDue(run: SimRun, requestId: string, waited: number): void {
  const entry = run.byId.get(requestId);
  if (entry) reroute(run, entry, waited);
}

export function finishSession(run: SimRun, agentIndex: number, at: number): void {
  const agent = run.agents[agentIndex]!;
  agent.load = 0;
  agent.idleSince = at * 1000;
  run.handles?.ended(agentIndex, at);
}
