import type { AgentSkills } from '../eligibility.js';
import type { RoutingReasonCode } from '../policy/reasons.js';
import type { ValidPolicy } from '../policy/validate.js';
import type { RoutingPolicy } from '../types.js';
import type { SimRouteFields } from './policyRouting.js';
import type { EtaSample } from './etaError.js';
import { arrive, dispatch, finishSession, showEta, startRun, stepDue, type SimRun } from './run.js';

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
  /** Record the ETA each waiting arrival would be shown, against the wait it then had. */
  recordEta?: boolean;
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
  /** Counted requests that had to wait and were served: the ETA shown on joining, and the wait (`recordEta`). */
  etaSamples: EtaSample[];
}

function results(run: SimRun, events: number): SimResult {
  const { tally, options } = run;
  for (const entry of run.waiting) if (entry.counted) tally.classUnserved[entry.klass]! += 1;
  const byClass = (values: number[]) =>
    Object.fromEntries(options.classes.map((c, i) => [c.name, values[i]!]));
  const classWaits = Object.fromEntries(
    options.classes.map((c, i) => [c.name, tally.classTotal[i]! / Math.max(1, tally.classCount[i]!)]),
  );
  return {
    events,
    meanWait: tally.totalWait / Math.max(1, tally.served),
    waitProbability: tally.waited / Math.max(1, tally.served),
    classWaits,
    positionSamples: tally.positionSamples,
    classServed: byClass(tally.classCount),
    classUnserved: byClass(tally.classUnserved),
    servedWithReason: tally.servedWithReason,
    supervisorAlerts: tally.supervisorAlerts,
    etaSamples: tally.etaSamples,
  };
}

/**
 * Simulated time over the real routing core: arrivals and departures are events, and every event
 * asks planOffers who gets whom, exactly as the dispatcher does (offers are taken at once here).
 */
export function simulate(options: SimOptions): SimResult {
  const run = startRun(options);
  let events = 0;
  while (run.heap.size > 0) {
    const event = run.heap.pop()!;
    events += 1;
    const joined = event.kind === 'arrival' ? arrive(run, event.klass, event.at) : null;
    if (event.kind === 'step') stepDue(run, event.request, event.waited);
    else if (event.kind === 'departure') finishSession(run, event.agent, event.at);
    dispatch(run, event.at);
    if (joined) showEta(run, joined);
  }
  return results(run, events);
}
