// Types only: k6 erases `import type` per file, so nothing from core (or TypeBox) is loaded at run time.
import type { ErrorCode } from '@lifeline/core/protocol/errorCodes.js';
import type { ClientFrame, ServerFrame, ServerFrameOf } from '@lifeline/core/protocol/frames.js';
import type { CreatedReply, CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import { check } from 'k6';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import type { Fixture } from './fixture.ts';

export const timeToPair = new Trend('time_to_pair', true);
export const timeToReady = new Trend('time_to_ready', true);
export const sessionsCompleted = new Counter('sessions_completed');
export const socketErrors = new Rate('ws_errors');

/** The offer expired or was withdrawn before the accept landed: expected under load, not a socket error. */
const STALE_OFFER: ErrorCode = 'LIFELINE_OFFER_GONE';

export const wsUrl = (fixture: Fixture, token: string) =>
  `${fixture.baseUrl.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(token)}`;
const send = (ws: WebSocket, frame: ClientFrame) => ws.send(JSON.stringify(frame));
/** The server builds every frame it sends as this union. */
export const receive = (event: { data: unknown } | undefined) =>
  JSON.parse(String(event?.data)) as ServerFrame;

/**
 * An agent: available, accepts every offer, talks for `talkMs`, ends the session, repeats until
 * `forMs` is over. time_to_pair is request creation (server clock, same host) to this offer;
 * time_to_ready is this accept to this agent's session.ready.
 */
export function runAgent(
  fixture: Fixture,
  token: string,
  forMs: number,
  talkMs: [number, number],
  onOffer?: (request: ServerFrameOf<'offer'>['request']) => void,
) {
  const ws = new WebSocket(wsUrl(fixture, token));
  const acceptedAt: Record<string, number> = {};
  ws.onopen = () => send(ws, { type: 'agent.status', status: 'available' });
  ws.onmessage = (event) => {
    const frame = receive(event);
    if (frame.type === 'offer') {
      timeToPair.add(Date.now() - frame.request.createdAt);
      onOffer?.(frame.request);
      acceptedAt[frame.request.id] = Date.now();
      send(ws, { type: 'offer.accept', offerId: frame.offerId });
    } else if (frame.type === 'session.ready') {
      timeToReady.add(Date.now() - acceptedAt[frame.requestId]!);
      const talk = talkMs[0] + Math.random() * (talkMs[1] - talkMs[0]);
      setTimeout(
        () => send(ws, { type: 'session.end', sessionId: frame.sessionId, outcome: 'resolved' }),
        talk,
      );
    } else if (frame.type === 'session.ended') {
      sessionsCompleted.add(1);
    } else if (frame.type === 'error') {
      socketErrors.add(frame.code !== STALE_OFFER);
    }
  };
  ws.onerror = () => socketErrors.add(1);
  setTimeout(() => ws.close(), forMs);
}

/** The k6 scenario in which every prepared agent runs `exec` once, for at most `maxDuration`. */
export const agentsScenario = (fixture: Fixture, maxDuration: string, exec = 'agent') => ({
  executor: 'per-vu-iterations',
  vus: fixture.agents.length,
  iterations: 1,
  maxDuration,
  exec,
});

/** A viewer: asks for a call, waits on the socket until served or `giveUpMs`, then leaves. */
export function runUser(
  fixture: Fixture,
  identity: string,
  giveUpMs: number,
  text = 'my stream keeps freezing',
) {
  const body: CreateHelpRequestBody = { channel: 'call', media: 'audio', language: 'en', text };
  const response = http.post(`${fixture.baseUrl}/v1/help-requests`, JSON.stringify(body), {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${identity}` },
  });
  if (!check(response, { 'help request created': (r) => r.status === 201 })) return;
  const { accessToken } = response.json() as CreatedReply;
  const ws = new WebSocket(wsUrl(fixture, accessToken));
  ws.onmessage = (event) => {
    const frame = receive(event);
    if (frame.type === 'session.ended' || frame.type === 'request.closed') ws.close();
  };
  ws.onerror = () => socketErrors.add(1);
  // The iteration lasts as long as any timer: clear the give-up once the viewer has left.
  const giveUp = setTimeout(() => ws.close(), giveUpMs);
  ws.onclose = () => clearTimeout(giveUp);
}
