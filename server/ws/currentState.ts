import type { ServerFrame } from '../../core/protocol/frames.js';
import { WAITING_CLOSE_REASONS, type WaitingCloseReason } from '../../core/protocol/vocabulary.js';
import { currentVoiceProgress } from '../../platform/jobs/progress.js';
import type { SocketServices } from './deps.js';

/** A request that left the line without an agent is closed in a state named by its reason. */
const isWaitingCloseReason = (state: string): state is WaitingCloseReason =>
  (WAITING_CLOSE_REASONS as readonly string[]).includes(state);

/**
 * Everything a user's socket should know right now: its place in the line, its session, how its
 * request ended, and its voice message. Sent on connect and again after Redis comes back, since
 * pub/sub keeps nothing for a socket that missed it.
 */
export async function userStateFrames(services: SocketServices, requestId: string): Promise<ServerFrame[]> {
  const { requests, positions, sessions } = services;
  const record = await requests.record(requestId);
  if (!record) return [];
  const frames: ServerFrame[] = [];
  const snapshot = await positions.snapshot(requestId);
  if (snapshot) frames.push({ type: 'queue.update', requestId, ...snapshot });
  else if (record.state === 'assigned' && record.sessionId)
    frames.push(await sessions.readyForUser(record.sessionId, requestId));
  else if (isWaitingCloseReason(record.state))
    frames.push({ type: 'request.closed', requestId, reason: record.state });
  const voice = currentVoiceProgress(record);
  if (voice) frames.push(voice);
  return frames;
}

/** An agent's offers still open and sessions still running, e.g. after a reload or an outage. */
export async function agentStateFrames(services: SocketServices, agentId: string): Promise<ServerFrame[]> {
  const [offers, ready] = await Promise.all([
    services.offers.heldBy(agentId),
    services.sessions.readyFramesForAgent(agentId),
  ]);
  return [...offers, ...ready];
}
