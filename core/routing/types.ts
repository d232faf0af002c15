/** Plain data the routing core decides on. Nothing here knows about Redis, sockets or clocks. */

export interface WaitingRequest {
  id: string;
  language: string;
  category: string;
  /** Urgency score from the scorer, 0–100. */
  score: number;
  createdAt: number;
  /** Agent id → when that agent declined or let the offer lapse (ms). */
  declinedBy: Readonly<Record<string, number>>;
}

export interface AgentSnapshot {
  id: string;
  languages: readonly string[];
  skills: readonly string[];
  maxSessions: number;
  /** Active sessions plus outstanding offers. */
  load: number;
  /** When the agent last became free of work (ms); smaller means idle for longer. */
  idleSince: number;
}

export interface OfferPlan {
  requestId: string;
  agentId: string;
}

export interface RoutingPolicy {
  agingPointsPerMinute: number;
  declineCooldownMs: number;
}
