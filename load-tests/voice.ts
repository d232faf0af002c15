/**
 * voice: bursts of voice-message uploads. Each viewer creates a voice request, uploads a WAV and
 * waits for `voice.progress: scored`; voice_to_scored measures that. Needs a worker running.
 */
import type { CreatedReply, CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import { check } from 'k6';
import http from 'k6/http';
import { Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { identityFor, loadFixture } from './lib/fixture.ts';
import { receive, socketErrors, wsUrl } from './lib/actors.ts';
import { TREND_STATS, summaryFiles, type SummaryData } from './lib/summary.ts';

const fixture = loadFixture();
const audio = open(__ENV.LIFELINE_VOICE_FILE as string, 'b');
const voiceToScored = new Trend('voice_to_scored', true);

export const options = {
  summaryTrendStats: TREND_STATS,
  scenarios: {
    bursts: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      preAllocatedVUs: 40,
      maxVUs: 200,
      stages: [
        { target: 4, duration: '5s' },
        { target: 0, duration: '15s' },
        { target: 6, duration: '5s' },
        { target: 0, duration: '25s' },
      ],
    },
  },
  thresholds: {
    'http_req_duration{kind:upload}': ['p(95)<1500'],
    voice_to_scored: ['p(95)<60000'],
    http_req_failed: ['rate<0.01'],
    ws_errors: ['rate<0.01'],
  },
};

export default function () {
  const body: CreateHelpRequestBody = { channel: 'voice', language: 'en' };
  const created = http.post(`${fixture.baseUrl}/v1/help-requests`, JSON.stringify(body), {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${identityFor(fixture)}` },
  });
  if (!check(created, { 'voice request created': (r) => r.status === 201 })) return;
  const { id, accessToken } = created.json() as CreatedReply;
  const ws = new WebSocket(wsUrl(fixture, accessToken));
  let sentAt = 0;
  ws.onopen = () => {
    sentAt = Date.now();
    const upload = http.post(`${fixture.baseUrl}/v1/help-requests/${id}/voice`, audio, {
      headers: { 'content-type': 'audio/wav', authorization: `Bearer ${accessToken}` },
      tags: { kind: 'upload' },
    });
    check(upload, { 'voice accepted': (r) => r.status === 202 });
  };
  ws.onmessage = (event) => {
    const frame = receive(event);
    if (frame.type === 'voice.progress' && frame.status === 'scored') {
      voiceToScored.add(Date.now() - sentAt);
      http.del(`${fixture.baseUrl}/v1/help-requests/${id}`, null, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      ws.close();
    }
  };
  ws.onerror = () => socketErrors.add(1);
  const giveUp = setTimeout(() => ws.close(), 90_000);
  ws.onclose = () => clearTimeout(giveUp);
}

export function handleSummary(data: SummaryData) {
  return summaryFiles('voice', data);
}
