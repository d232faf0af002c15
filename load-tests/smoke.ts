/** smoke: about 30 s; a few agents and users pairing, ending and re-pairing. */
import exec from 'k6/execution';
import { loadFixture, identityFor } from './lib/fixture.ts';
import { agentsScenario, runAgent, runUser } from './lib/actors.ts';
import { TREND_STATS, summaryFiles } from './lib/summary.ts';

const fixture = loadFixture();

export const options = {
  summaryTrendStats: TREND_STATS,
  scenarios: {
    agents: agentsScenario(fixture, '45s'),
    users: {
      executor: 'constant-arrival-rate',
      rate: 2,
      timeUnit: '1s',
      duration: '30s',
      startTime: '2s',
      preAllocatedVUs: 70,
      maxVUs: 100,
      exec: 'user',
    },
  },
  thresholds: {
    time_to_pair: ['p(95)<250'],
    time_to_ready: ['p(95)<500'],
    ws_errors: ['rate<0.01'],
    http_req_failed: ['rate<0.01'],
    sessions_completed: ['count>=30'],
    dropped_iterations: ['count==0'],
  },
};

export function agent() {
  // One iteration per agent VU, so the scenario's iteration number picks a distinct agent.
  runAgent(fixture, fixture.agents[exec.scenario.iterationInTest]!.token, 40_000, [500, 1500]);
}

export function user() {
  runUser(fixture, identityFor(fixture), 30_000);
}

export function handleSummary(data: Parameters<typeof summaryFiles>[1]) {
  return summaryFiles('smoke', data);
}
