/**
 * signalling: viewers arrive at a ramping rate and wait on WebSockets while agents cycle through
 * calls. Peak rate and agent count are yours: PEAK_RATE (viewers/s, default 8) and the runner's
 * agent count; stages scale to a few minutes.
 */
import exec from 'k6/execution';
import { identityFor, loadFixture } from './lib/fixture.ts';
import { agentsScenario, runAgent, runUser } from './lib/actors.ts';
import { TREND_STATS, summaryFiles, type SummaryData } from './lib/summary.ts';

const fixture = loadFixture();
const peak = Number(__ENV.PEAK_RATE ?? 8);

export const options = {
  summaryTrendStats: TREND_STATS,
  scenarios: {
    agents: agentsScenario(fixture, '4m'),
    users: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      startTime: '3s',
      preAllocatedVUs: 200,
      maxVUs: 600,
      stages: [
        { target: Math.ceil(peak / 2), duration: '40s' },
        { target: peak, duration: '40s' },
        { target: peak, duration: '60s' },
        { target: 0, duration: '30s' },
      ],
      exec: 'user',
    },
  },
  thresholds: {
    // Includes the wait in the queue: at the peak, arrivals exceed what the agents carry for a while.
    time_to_pair: ['p(50)<2000', 'p(95)<30000'],
    time_to_ready: ['p(95)<500'],
    ws_errors: ['rate<0.01'],
    http_req_failed: ['rate<0.01'],
    dropped_iterations: ['count==0'],
  },
};

export function agent() {
  runAgent(fixture, fixture.agents[exec.scenario.iterationInTest]!.token, 230_000, [1000, 3000]);
}

export function user() {
  runUser(fixture, identityFor(fixture), 60_000);
}

export function handleSummary(data: SummaryData) {
  return summaryFiles('signalling', data);
}
