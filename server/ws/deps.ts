import type { CallbackService } from '../callbacks/CallbackService.js';
import type { Config } from '../config/load.js';
import type { ConversationService } from '../conversations/ConversationService.js';
import type { WrapUps } from '../follow-ups/WrapUps.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { AgentPresence } from '../routing/AgentPresence.js';
import type { InstanceLiveness } from '../routing/InstanceLiveness.js';
import type { OfferService } from '../routing/OfferService.js';
import type { QueuePositions } from '../routing/QueuePositions.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SocketRegistry } from './SocketRegistry.js';

/** The services a socket and its frame handlers call; the app's composition provides them. */
export interface SocketServices {
  config: Pick<Config, 'limits'>;
  sockets: SocketRegistry;
  metrics: LifelineMetrics;
  presence: AgentPresence;
  requests: HelpRequestService;
  positions: QueuePositions;
  sessions: SessionService;
  /** Ends a session with its wrap-up and what the outcome leaves (a follow-up, an escalation). */
  wrapUps: WrapUps;
  offers: OfferService;
  liveness: InstanceLiveness;
  conversations: ConversationService;
  /** A user whose socket opens answers the callback reaching them. */
  callbacks: Pick<CallbackService, 'userArrived'>;
}
