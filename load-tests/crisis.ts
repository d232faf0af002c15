/**
 * crisis: a steady mix, then CRISIS_FACTOR× (default 20×) arrivals for SURGE_MINUTES (default 3)
 * where 70% report the same incident (double charges), then the steady mix again. A supervisor
 * posts a status as soon as the incident opens and resolves it after the surge. Reports how long
 * the incident took to open and its status to reach reporters, how many reporters the status
 * answered without an agent, time to pair for unrelated critical requests before and during the
 * surge (goal: no worse than 2× during), and the API's memory. `npm run load -- crisis` adds Redis
 * operations per second, sampled beside the run.
 */
import exec from 'k6/execution';
import http from 'k6/http';
import { Trend } from 'k6/metrics';
import { agentsScenario, runAgent, runUser } from './lib/actors.ts';
import { CRITICAL_TEXT, resolveLeftovers, ROUTINE_TEXTS, runReporter, runSupervisor } from './lib/crisis.ts';
import { loadFixture } from './lib/fixture.ts';
import { crisisSummary } from './lib/crisisSummary.ts';
import { TREND_STATS, type SummaryData } from './lib/summary.ts';

const fixture = loadFixture();
const baseRate = Number(__ENV.BASE_RATE ?? 2);
const factor = Number(__ENV.CRISIS_FACTOR ?? 20);
const beforeS = Number(__ENV.BEFORE_SECONDS ?? 120);
const surgeS = Number(__ENV.SURGE_MINUTES ?? 3) * 60;
const afterS = Number(__ENV.AFTER_SECONDS ?? 60);
const criticalShare = Number(__ENV.CRITICAL_SHARE ?? 0.03);
/**
 * The surge stream's share of reports, so that 70% of all arrivals during the surge (the steady
 * mix's included) report the incident. The steady mix reports none: the surge opens the incident.
 */
const reporterShare = (0.7 * factor) / (factor - 1);
const satisfiedShare = Number(__ENV.SATISFIED_SHARE ?? 0.7);
const giveUpMs = 60_000;
const totalS = beforeS + surgeS + afterS;

export const criticalTimeToPair = new Trend('critical_time_to_pair', true);
const apiRss = new Trend('api_rss_mb');

/** Each arrival stream takes its identities from its own slice, so no two viewers share one. */
const slices = (() => {
  const steady = Math.ceil(baseRate * totalS * 1.1) + 10;
  const surge = Math.ceil(baseRate * factor * surgeS * 1.1) + 10;
  return { steady: 0, surge: steady, end: steady + surge };
})();

export const options = {
  summaryTrendStats: TREND_STATS,
  scenarios: {
    agents: agentsScenario(fixture, `${totalS + 90}s`),
    supervisor: {
      executor: 'per-vu-iterations',
      vus: 1,
      iterations: 1,
      maxDuration: `${totalS + 60}s`,
      exec: 'supervise',
    },
    steady: {
      executor: 'constant-arrival-rate',
      rate: baseRate,
      timeUnit: '1s',
      duration: `${totalS}s`,
      startTime: '3s',
      preAllocatedVUs: 100,
      maxVUs: 600,
      exec: 'steady',
    },
    surge: {
      executor: 'constant-arrival-rate',
      rate: baseRate * (factor - 1),
      timeUnit: '1s',
      duration: `${surgeS}s`,
      startTime: `${3 + beforeS}s`,
      preAllocatedVUs: 400,
      maxVUs: 3000,
      exec: 'surge',
    },
    memory: {
      executor: 'constant-arrival-rate',
      rate: 1,
      timeUnit: '5s',
      duration: `${totalS}s`,
      preAllocatedVUs: 1,
      exec: 'memory',
    },
  },
  thresholds: {
    'critical_time_to_pair{phase:before}': ['p(99)<5000'],
    'critical_time_to_pair{phase:surge}': ['p(99)<10000'],
    incident_open_s: ['max<30'],
    status_reach_ms: ['p(99)<2000'],
    api_rss_mb: ['max<1024'],
    ws_errors: ['rate<0.01'],
  },
};

export function setup() {
  if (fixture.identities.length < slices.end) throw new Error(`need ${slices.end} identities`);
  resolveLeftovers(fixture, fixture.supervisor!.token);
  return { startedAt: Date.now() };
}

const phaseAt = (startedAt: number, at: number) => {
  const s = (at - startedAt) / 1000 - 3;
  return s < beforeS ? 'before' : s < beforeS + surgeS ? 'surge' : 'after';
};

/** An agent as in the other scenarios, also timing the critical requests it is offered, by phase. */
export function agent(data: { startedAt: number }) {
  runAgent(
    fixture,
    fixture.agents[exec.scenario.iterationInTest]!.token,
    (totalS + 60) * 1000,
    [2000, 6000],
    (request) => {
      if (request.urgency.level === 'critical')
        criticalTimeToPair.add(Date.now() - request.createdAt, {
          phase: phaseAt(data.startedAt, request.createdAt),
        });
    },
  );
}

export function supervise(data: { startedAt: number }) {
  const surgeStartsAt = data.startedAt + (3 + beforeS) * 1000;
  runSupervisor(
    fixture,
    fixture.supervisor!.token,
    surgeStartsAt,
    (surgeS + 30) * 1000,
    data.startedAt + (totalS + 50) * 1000,
  );
}

const identity = (slice: number) => fixture.identities[slice + exec.scenario.iterationInTest]!;

/** The steady mix: mostly routine, some critical. */
export function steady() {
  const who = identity(slices.steady);
  runUser(fixture, who, giveUpMs, Math.random() < criticalShare ? CRITICAL_TEXT : routine());
}

const routine = () => ROUTINE_TEXTS[Math.floor(Math.random() * ROUTINE_TEXTS.length)]!;

/** The surge's extra arrivals: 70% report the incident, the rest the steady mix. */
export function surge() {
  const who = identity(slices.surge);
  const roll = Math.random();
  if (roll < reporterShare) runReporter(fixture, who, giveUpMs, satisfiedShare);
  else if (roll < reporterShare + criticalShare) runUser(fixture, who, giveUpMs, CRITICAL_TEXT);
  else runUser(fixture, who, giveUpMs, routine());
}

export function memory() {
  const text = http.get(`${fixture.baseUrl}/metrics`).body as string;
  const match = /^process_resident_memory_bytes (\d+)/m.exec(text);
  if (match) apiRss.add(Number(match[1]) / 2 ** 20);
}

export function handleSummary(data: SummaryData) {
  return crisisSummary(data);
}
