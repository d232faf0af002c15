// Types only: k6 erases `import type` per file, so nothing from core is loaded at run time.
import type { Incident } from '@lifeline/core/protocol/floor.js';
import type { CreatedReply, CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import { check, sleep } from 'k6';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { receive, socketErrors, wsUrl } from './actors.ts';
import type { Fixture } from './fixture.ts';

/** The incident everyone in the surge reports, and what the other requests say. */
export const INCIDENT_TEXT = 'Payment failed when I tried to buy coins, I was charged twice';
export const CRITICAL_TEXT = 'someone hacked my account and is stealing money right now';
/** Everyday questions name no harm, so they open no incident of their own, as a real mix would not. */
export const ROUTINE_TEXTS = [
  'how do I change my username',
  'where do I find my gift history',
  'how can I turn on subtitles for my videos',
  'can I schedule a live stream for tomorrow',
  'how do I add a co-host to my live',
  'what are the rules for live shopping',
];

export const incidentOpenSeconds = new Trend('incident_open_s');
export const statusReach = new Trend('status_reach_ms', true);
export const statusAtCreate = new Counter('reporters_told_at_create');
export const statusLive = new Counter('reporters_told_live');
export const answeredByStatus = new Counter('reporters_answered_by_status');
export const reporters = new Counter('reporters');

const json = (token: string) => ({
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
});

function create(fixture: Fixture, identity: string, text: string): CreatedReply | null {
  const body: CreateHelpRequestBody = { channel: 'call', media: 'audio', language: 'en', text };
  const response = http.post(`${fixture.baseUrl}/v1/help-requests`, JSON.stringify(body), json(identity));
  if (!check(response, { 'help request created': (r) => r.status === 201 || r.status === 200 })) return null;
  return response.json() as CreatedReply;
}

/** Whether this reporter takes the status as their answer: most do, some still want a person. */
const satisfied = (share: number) => Math.random() < share;

function answerSolved(fixture: Fixture, created: CreatedReply): void {
  const response = http.post(
    `${fixture.baseUrl}/v1/help-requests/${created.id}/incident-answer`,
    JSON.stringify({ answer: 'solved' }),
    json(created.accessToken),
  );
  if (check(response, { 'solved answer taken': (r) => r.status === 200 })) answeredByStatus.add(1);
}

/**
 * A viewer hit by the incident: asks for a call, and takes the status as the answer (with
 * probability `satisfiedShare`) the moment it reaches them, in the create reply or live over the
 * socket; otherwise waits for a person until served or `giveUpMs`.
 */
export function runReporter(fixture: Fixture, identity: string, giveUpMs: number, satisfiedShare: number) {
  reporters.add(1);
  const created = create(fixture, identity, INCIDENT_TEXT);
  if (!created) return;
  if (created.incident && !created.incident.resolved) {
    statusAtCreate.add(1);
    if (satisfied(satisfiedShare)) return answerSolved(fixture, created);
  }
  const ws = new WebSocket(wsUrl(fixture, created.accessToken));
  let answered = !!created.incident && !created.incident.resolved;
  ws.onmessage = (event) => {
    const frame = receive(event);
    if (frame.type === 'incident.status' && !answered && !frame.resolved) {
      answered = true;
      statusLive.add(1);
      statusReach.add(Date.now() - Date.parse(frame.postedAt));
      if (satisfied(satisfiedShare)) {
        answerSolved(fixture, created);
        ws.close();
      }
    } else if (frame.type === 'session.ended' || frame.type === 'request.closed') ws.close();
  };
  ws.onerror = () => socketErrors.add(1);
  const giveUp = setTimeout(() => ws.close(), giveUpMs);
  ws.onclose = () => clearTimeout(giveUp);
}

/** Open incidents of the surge's harm: any keyword of its text. */
const harmIncidents = (fixture: Fixture, token: string) =>
  (
    http.get(`${fixture.baseUrl}/v1/supervisor/incidents`, json(token)).json() as { incidents?: Incident[] }
  ).incidents?.filter((i) => i.keyword !== undefined && INCIDENT_TEXT.toLowerCase().includes(i.keyword)) ??
  [];

/**
 * Before the run: an incident of the same harm left open by an earlier run (under any of its
 * keywords) would take this run's reports in, and nothing would open. Each is resolved, so that
 * the surge opens its own.
 */
export function resolveLeftovers(fixture: Fixture, token: string) {
  for (const incident of harmIncidents(fixture, token))
    http.post(
      `${fixture.baseUrl}/v1/supervisor/incidents/${incident.id}/resolve`,
      JSON.stringify({ resolution: 'Closed before a new load run.' }),
      json(token),
    );
}

/**
 * The supervisor on duty: watches the floor's incidents, posts a status as soon as the surge's
 * opens (timing how long the detection took), and resolves it `resolveAfterMs` later.
 */
export function runSupervisor(
  fixture: Fixture,
  token: string,
  surgeStartsAt: number,
  resolveAfterMs: number,
  untilMs: number,
) {
  let incident: Incident | undefined;
  while (!incident && Date.now() < untilMs) {
    incident = harmIncidents(fixture, token).find((i) => !i.status);
    if (!incident) sleepMs(500);
  }
  if (!incident) return;
  incidentOpenSeconds.add(Math.max(0, Date.now() - surgeStartsAt) / 1000);
  const status = http.post(
    `${fixture.baseUrl}/v1/supervisor/incidents/${incident.id}/status`,
    JSON.stringify({ message: 'Double charges on coin purchases: refunds are automatic within 24 hours.' }),
    json(token),
  );
  check(status, { 'status posted': (r) => r.status === 204 });
  sleepMs(Math.max(0, Math.min(resolveAfterMs, untilMs - Date.now())));
  const resolved = http.post(
    `${fixture.baseUrl}/v1/supervisor/incidents/${incident.id}/resolve`,
    JSON.stringify({ resolution: 'Fixed: every double charge was refunded.' }),
    json(token),
  );
  if (check(resolved, { 'incident resolved': (r) => r.status === 200 }))
    answeredByStatus.add((resolved.json() as { closed: number }).closed);
}

const sleepMs = (ms: number) => sleep(ms / 1000);
