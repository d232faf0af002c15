import type { AgentSnapshot, RoutingPolicy, WaitingRequest } from './types.js';

/**
 * Plain-data requests and agents shared by the planners' tests: by default an English general
 * request that waited a second and a free English agent idle for five, at the fixed time `NOW`.
 */
export const NOW = 10_000_000;

export const DISPATCH: RoutingPolicy = { agingPointsPerMinute: 2, declineCooldownMs: 60_000 };

export function waitingRequest(id: string, over: Partial<WaitingRequest> = {}): WaitingRequest {
  return {
    id,
    language: 'en',
    category: 'general',
    score: 50,
    createdAt: NOW - 1000,
    declinedBy: {},
    ...over,
  };
}

export function agentSnapshot(id: string, over: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return { id, languages: ['en'], skills: [], maxSessions: 1, load: 0, idleSince: NOW - 5000, ...over };
}
