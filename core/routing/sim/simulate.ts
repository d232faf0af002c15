import { planOffers } from '../matching.js';
import type { AgentSkills } from '../policy/eligibleAgents.js';
import type { EligibilityDecision } from '../policy/escalation.js';
import { planPolicyOffers, type PolicyWaitingRequest } from '../policy/planOffers.js';
import type { RoutingReasonCode } from '../policy/reasons.js';
import type { ValidPolicy } from '../policy/validate.js';
import type { AgentSnapshot, RoutingPolicy } from '../types.js';
import { EventHeap } from './EventHeap.js';
import { plainEligibility, policyDecider, subjectOf, type SimRouteFields } from './policyRouting.js';

/** Without routing fields a class is English, general, regular, live call: anyone can take it. */
export interface SimClass extends SimRouteFields {
  name: string;
  /** Arrivals per second (Poisson). */
  arrivalRate: number;
  /** Urgency score the router sees for this class. */
  score: number;
}

export interface SimOptions {
  agents: number;
  /** Sessions finished per second per agent (exponential service). */
  serviceRate: number;
  classes: SimClass[];
  arrivals: number;
  /** Arrivals ignored at the start while the queue fills to its steady state. */
  warmup: number;
  seed: number;
  policy?: RoutingPolicy;
  /** Agent i speaks and knows `agentProfiles[i % length]`; without it every agent is English, no skills. */
  agentProfiles?: AgentSkills[];
  /** Queues and escalation; without it a request waits for an agent with its language and category. */
  routing?: ValidPolicy;
}

export interface SimResult {
  events: number;
  meanWait: number;
  waitProbability: number;
  classWaits: Record<string, number>;
  /** Each served request: its 1-based queue position on arrival and the wait it then had. */
  positionSamples: { position: number; wait: number }[];
  /** Counted requests served, and those still waiting when arrivals stopped and agents went quiet. */
  classServed: Record<string, number>;
  classUnserved: Record<string, number>;
  /** Served requests whose routing carried each reason when they were taken (with `routing`). */
  servedWithReason: Partial<Record<RoutingReasonCode, number>>;
  /** Supervisor alerts raised, one per alerting step per request (with `routing`). */
  supervisorAlerts: number;
}

type SimEvent =
  | { at: number; kind: 'arrival'; klass: number }
  | { at: number; kind: 'departure'; agent: number }
  | { at: number; kind: 'step'; request: string; waited: number };

type SimWaiting = PolicyWaitingRequest & {
  klass: number;
  counted: boolean;
  arrivedAt: number;
  position: number;
  decision?: EligibilityDecision;
  alertedStep: number;
};

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Simulated time over the real routing core: arrivals and departures are events, and every event
 * asks planOffers who gets whom, exactly as the dispatcher does (offers are taken at once here).
 */
export function simulate(options: SimOptions): SimResult {
  const rand = random(options.seed);
  const exponential = (rate: number) => -Math.log(1 - rand()) / rate;
  const policy = options.policy ?? { agingPointsPerMinute: 0, declineCooldownMs: 0 };
  const profiles = options.agentProfiles ?? [{ languages: ['en'], skills: [] }];
  const agents: AgentSnapshot[] = Array.from({ length: options.agents }, (_, i) => ({
    id: `a${i}`,
    languages: profiles[i % profiles.length]!.languages,
    skills: profiles[i % profiles.length]!.skills,
    maxSessions: 1,
    load: 0,
    idleSince: 0,
  }));
  const waiting: SimWaiting[] = [];
  const decide = options.routing && policyDecider(options.routing, options.classes, agents);
  const servedWithReason: SimResult['servedWithReason'] = {};
  let supervisorAlerts = 0;
  const heap = new EventHeap<SimEvent>();
  const stats = {
    served: 0,
    waited: 0,
    totalWait: 0,
    classTotal: options.classes.map(() => 0),
    classCount: options.classes.map(() => 0),
    classUnserved: options.classes.map(() => 0),
  };
  const positionSamples: SimResult['positionSamples'] = [];
  let arrived = 0;
  let events = 0;
  let nextId = 0;

  const scheduleArrival = (klass: number, now: number) =>
    heap.push({ at: now + exponential(options.classes[klass]!.arrivalRate), kind: 'arrival', klass });
  options.classes.forEach((_, klass) => scheduleArrival(klass, 0));

  const byId = new Map<string, SimWaiting>();
  // A request's routing changes only when one of its steps comes due: it is decided again then.
  const route = (entry: SimWaiting, waited: number) => {
    if (!decide) return;
    const decision = decide(entry.klass, waited);
    Object.assign(entry, { decision, eligibility: decision, priorityBoost: decision.priorityBoost });
    if (decision.alertStep !== null && decision.alertStep > entry.alertedStep) {
      entry.alertedStep = decision.alertStep;
      if (entry.counted) supervisorAlerts += 1;
    }
    const next = decision.nextStepAfterSeconds;
    if (next !== null)
      heap.push({ at: entry.arrivedAt + next, kind: 'step', request: entry.id, waited: next });
  };

  const dispatch = (now: number) => {
    if (waiting.length === 0 || !agents.some((a) => a.load === 0)) return;
    // Times are seconds here; the core works in milliseconds.
    const plans = decide
      ? planPolicyOffers(waiting, agents, now * 1000, policy)
      : planOffers(waiting, agents, now * 1000, policy);
    for (const plan of plans) {
      const index = waiting.findIndex((w) => w.id === plan.requestId);
      const [request] = waiting.splice(index, 1);
      byId.delete(plan.requestId);
      const agentIndex = Number(plan.agentId.slice(1));
      agents[agentIndex]!.load = 1;
      const wait = now - request!.arrivedAt;
      if (request!.counted) {
        stats.served += 1;
        stats.totalWait += wait;
        if (wait > 0) stats.waited += 1;
        stats.classTotal[request!.klass]! += wait;
        stats.classCount[request!.klass]! += 1;
        if (positionSamples.length < 200_000) positionSamples.push({ position: request!.position, wait });
        for (const reason of request!.decision?.reasons ?? [])
          servedWithReason[reason.code] = (servedWithReason[reason.code] ?? 0) + 1;
      }
      heap.push({ at: now + exponential(options.serviceRate), kind: 'departure', agent: agentIndex });
    }
  };

  while (heap.size > 0) {
    const event = heap.pop()!;
    events += 1;
    if (event.kind === 'arrival') {
      arrived += 1;
      if (arrived <= options.arrivals) scheduleArrival(event.klass, event.at);
      const klass = options.classes[event.klass]!;
      const entry: SimWaiting = {
        id: `r${nextId++}`,
        language: subjectOf(klass).language,
        category: subjectOf(klass).category,
        score: klass.score,
        createdAt: event.at * 1000,
        declinedBy: {},
        klass: event.klass,
        counted: arrived > options.warmup,
        arrivedAt: event.at,
        position: waiting.length + 1,
        eligibility: plainEligibility(klass),
        priorityBoost: 0,
        alertedStep: -1,
      };
      waiting.push(entry);
      byId.set(entry.id, entry);
      route(entry, 0);
    } else if (event.kind === 'step') {
      const entry = byId.get(event.request);
      if (entry) route(entry, event.waited);
    } else {
      const agent = agents[event.agent]!;
      agent.load = 0;
      agent.idleSince = event.at * 1000;
    }
    dispatch(event.at);
  }
  for (const entry of waiting) if (entry.counted) stats.classUnserved[entry.klass]! += 1;
  const byClass = (values: number[]) =>
    Object.fromEntries(options.classes.map((c, i) => [c.name, values[i]!]));
  const classWaits = Object.fromEntries(
    options.classes.map((c, i) => [c.name, stats.classTotal[i]! / Math.max(1, stats.classCount[i]!)]),
  );
  return {
    events,
    meanWait: stats.totalWait / Math.max(1, stats.served),
    waitProbability: stats.waited / Math.max(1, stats.served),
    classWaits,
    positionSamples,
    classServed: byClass(stats.classCount),
    classUnserved: byClass(stats.classUnserved),
    servedWithReason,
    supervisorAlerts,
  };
}
