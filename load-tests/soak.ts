/**
 * soak: a long steady state (SOAK_MINUTES, default 10) at a rate the agents can carry, sampling the
 * API's resident memory from /metrics every 10 s, so leaks and latency drift show up.
 */
import exec from 'k6/execution';
import http from 'k6/http';
import { Trend } from 'k6/metrics';
import { identityFor, loadFixture } from './lib/fixture.ts';
import { agentsScenario, runAgent, runUser } from './lib/actors.ts';
import { TREND_STATS, summaryFiles, type SummaryData } from './lib/summary.ts';

const fixture = loadFixture();
const minutes = Number(__ENV.SOAK_MINUTES ?? 10);
const apiRss = new Trend('api_rss_mb');

export const options = {
  summaryTrendStats: TREND_STATS,
  scenarios: {
    agents: agentsScenario(fixture, `${minutes + 1}m`),
    users: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE ?? 3),
      timeUnit: '1s',
      duration: `${minutes}m`,
      startTime: '3s',
      preAllocatedVUs: 150,
      maxVUs: 400,
      exec: 'user',
    },
    memory: {
      executor: 'constant-arrival-rate',
      rate: 1,
      timeUnit: '10s',
      duration: `${minutes}m`,
      preAllocatedVUs: 1,
      exec: 'memory',
    },
  },
  thresholds: {
    time_to_pair: ['p(95)<1000', 'p(99)<3000'],
    time_to_ready: ['p(99)<500'],
    api_rss_mb: ['max<1024'],
    ws_errors: ['rate<0.01'],
    http_req_failed: ['rate<0.01'],
  },
};

export function agent() {
  runAgent(
    fixture,
    fixture.agents[exec.scenario.iterationInTest]!.token,
    (minutes * 60 + 30) * 1000,
    [500, 1500],
  );
}

export function user() {
  runUser(fixture, identityFor(fixture), 60_000);
}

export function memory() {
  const text = http.get(`${fixture.baseUrl}/metrics`).body as string;
  const match = /^process_resident_memory_bytes (\d+)/m.exec(text);
  if (match) apiRss.add(Number(match[1]) / 2 ** 20);
}

export function handleSummary(data: SummaryData) {
  return summaryFiles('soak', data);
}
