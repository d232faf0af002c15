import { planOffers } from '../matching.js';
import type { AgentSnapshot, RoutingPolicy, WaitingRequest } from '../types.js';
import { EventHeap } from './EventHeap.js';

export interface SimClass {
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
}

export interface SimResult {
  events: number;
  meanWait: number;
  waitProbability: number;
  classWaits: Record<string, number>;
  /** Each served request: its 1-based queue position on arrival and the wait it then had. */
  positionSamples: { position: number; wait: number }[];
}

type SimEvent =
  { at: number; kind: 'arrival'; klass: number } | { at: number; kind: 'departure'; agent: number };

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
  const agents: AgentSnapshot[] = Array.from({ length: options.agents }, (_, i) => ({
    id: `a${i}`,
    languages: ['en'],
    skills: [],
    maxSessions: 1,
    load: 0,
    idleSince: 0,
  }));
  const waiting: (WaitingRequest & {
    klass: number;
    counted: boolean;
    arrivedAt: number;
    position: number;
  })[] = [];
  const heap = new EventHeap<SimEvent>();
  const stats = {
    served: 0,
    waited: 0,
    totalWait: 0,
    classTotal: options.classes.map(() => 0),
    classCount: options.classes.map(() => 0),
  };
  const positionSamples: SimResult['positionSamples'] = [];
  let arrived = 0;
  let events = 0;
  let nextId = 0;

  const scheduleArrival = (klass: number, now: number) =>
    heap.push({ at: now + exponential(options.classes[klass]!.arrivalRate), kind: 'arrival', klass });
  options.classes.forEach((_, klass) => scheduleArrival(klass, 0));

  const dispatch = (now: number) => {
    if (waiting.length === 0 || !agents.some((a) => a.load === 0)) return;
    // Times are seconds here; the core works in milliseconds.
    const plans = planOffers(waiting, agents, now * 1000, policy);
    for (const plan of plans) {
      const index = waiting.findIndex((w) => w.id === plan.requestId);
      const [request] = waiting.splice(index, 1);
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
      waiting.push({
        id: `r${nextId++}`,
        language: 'en',
        category: 'general',
        score: klass.score,
        createdAt: event.at * 1000,
        declinedBy: {},
        klass: event.klass,
        counted: arrived > options.warmup,
        arrivedAt: event.at,
        position: waiting.length + 1,
      });
    } else {
      const agent = agents[event.agent]!;
      agent.load = 0;
      agent.idleSince = event.at * 1000;
    }
    dispatch(event.at);
  }
  const classWaits = Object.fromEntries(
    options.classes.map((c, i) => [c.name, stats.classTotal[i]! / Math.max(1, stats.classCount[i]!)]),
  );
  return {
    events,
    meanWait: stats.totalWait / Math.max(1, stats.served),
    waitProbability: stats.waited / Math.max(1, stats.served),
    classWaits,
    positionSamples,
  };
}
