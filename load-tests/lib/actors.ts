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

type Frame = {
  type: string;
  offerId?: string;
  sessionId?: string;
  requestId?: string;
  code?: string;
  request?: { id: string; createdAt: number };
};
const wsUrl = (fixture: Fixture, token: string) =>
  `${fixture.baseUrl.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(token)}`;

/**
 * An agent: available, accepts every offer, talks for `talkMs`, ends the session, repeats until
 * `forMs` is over. time_to_pair is request creation (server clock, same host) to this offer;
 * time_to_ready is this accept to this agent's session.ready.
 */
export function runAgent(fixture: Fixture, token: string, forMs: number, talkMs: [number, number]) {
  const ws = new WebSocket(wsUrl(fixture, token));
  const acceptedAt: Record<string, number> = {};
  ws.onopen = () => ws.send(JSON.stringify({ type: 'agent.status', status: 'available' }));
  ws.onmessage = (event) => {
    const frame = JSON.parse(String(event?.data)) as Frame;
    if (frame.type === 'offer') {
      timeToPair.add(Date.now() - frame.request!.createdAt);
      acceptedAt[frame.request!.id] = Date.now();
      ws.send(JSON.stringify({ type: 'offer.accept', offerId: frame.offerId }));
    } else if (frame.type === 'session.ready') {
      timeToReady.add(Date.now() - acceptedAt[frame.requestId!]!);
      const talk = talkMs[0] + Math.random() * (talkMs[1] - talkMs[0]);
      setTimeout(
        () =>
          ws.send(JSON.stringify({ type: 'session.end', sessionId: frame.sessionId, outcome: 'resolved' })),
        talk,
      );
    } else if (frame.type === 'session.ended') {
      sessionsCompleted.add(1);
    } else if (frame.type === 'error') {
      socketErrors.add(frame.code !== 'LIFELINE_OFFER_GONE');
    }
  };
  ws.onerror = () => socketErrors.add(1);
  setTimeout(() => ws.close(), forMs);
}

/** A viewer: asks for a call, waits on the socket until served or `giveUpMs`, then leaves. */
export function runUser(fixture: Fixture, identity: string, giveUpMs: number) {
  const body = JSON.stringify({
    channel: 'call',
    media: 'audio',
    language: 'en',
    text: 'my stream keeps freezing',
  });
  const response = http.post(`${fixture.baseUrl}/v1/help-requests`, body, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${identity}` },
  });
  if (!check(response, { 'help request created': (r) => r.status === 201 })) return;
  const { accessToken } = response.json() as { accessToken: string };
  const ws = new WebSocket(wsUrl(fixture, accessToken));
  ws.onmessage = (event) => {
    const frame = JSON.parse(String(event?.data)) as Frame;
    if (frame.type === 'session.ended' || frame.type === 'request.closed') ws.close();
  };
  ws.onerror = () => socketErrors.add(1);
  // The iteration lasts as long as any timer: clear the give-up once the viewer has left.
  const giveUp = setTimeout(() => ws.close(), giveUpMs);
  ws.onclose = () => clearTimeout(giveUp);
}
