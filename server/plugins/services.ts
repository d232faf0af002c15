import fp from 'fastify-plugin';
import type { MediaPlane } from '../../media/MediaPlane.js';
import type { UrgencyScorer } from '../../core/urgency/types.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { KbRepository } from '../../platform/db/KbRepository.js';
import type { Assistant } from '../assistant/Assistant.js';
import { Suggestions } from '../kb/Suggestions.js';
import { connectRedis } from '../../platform/redis/connect.js';
import type { Incidents } from '../../platform/urgency/Incidents.js';
import type { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { LifelineTokens } from '../auth/LifelineTokens.js';
import { LoginGuard } from '../auth/LoginGuard.js';
import { PlatformIdentity } from '../auth/PlatformIdentity.js';
import { composeCases } from '../composition/cases.js';
import { composeFollowUps } from '../composition/followUps.js';
import { composeFoundation } from '../composition/foundation.js';
import { composeIncidents } from '../composition/incidents.js';
import { composeRouting } from '../composition/routing.js';
import type { CallbackService } from '../callbacks/CallbackService.js';
import type { Config } from '../config/load.js';
import type { ConversationService } from '../conversations/ConversationService.js';
import type { FloorService } from '../floor/FloorService.js';
import { RecordRepairs } from '../records/RecordRepairs.js';
import type { FollowUpService } from '../follow-ups/FollowUpService.js';
import type { WrapUps } from '../follow-ups/WrapUps.js';
import type { CustomerView } from '../help-requests/CustomerView.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import type { IncidentAnswers } from '../incidents/IncidentAnswers.js';
import type { IncidentDesk } from '../incidents/IncidentDesk.js';
import type { IncidentNotices } from '../incidents/IncidentNotices.js';
import type { RequestHistory } from '../help-requests/RequestHistory.js';
import type { RetentionPurge } from '../help-requests/RetentionPurge.js';
import type { UserCases } from '../help-requests/UserCases.js';
import type { UserErasure } from '../help-requests/UserErasure.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { AgentPresence } from '../routing/AgentPresence.js';
import type { RoutingStores } from '../routing/deps.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { InstanceLiveness } from '../routing/InstanceLiveness.js';
import type { OfferService } from '../routing/OfferService.js';
import type { QueuePositions } from '../routing/QueuePositions.js';
import { Sweeper } from '../routing/Sweeper.js';
import type { RoutingPolicies } from '../policies/RoutingPolicies.js';
import { composeCaptions } from '../sessions/CaptionsDispatch.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { Transfers } from '../sessions/Transfers.js';
import type { Supervision } from '../supervision/Supervision.js';
import type { VideoFeedbackService } from '../video/VideoFeedbackService.js';
import type { VoiceService } from '../voice/VoiceService.js';
import type { SocketRegistry } from '../ws/SocketRegistry.js';

export interface Lifeline {
  config: Config;
  secrets: Config['secrets'];
  now: () => number;
  tokens: LifelineTokens;
  identities: PlatformIdentity;
  agents: AgentRepository;
  loginGuard: LoginGuard;
  media: MediaPlane;
  /** The Redis stores, for composition and tests; routes go through the services. */
  stores: RoutingStores;
  bus: EventBus;
  sockets: SocketRegistry;
  metrics: LifelineMetrics;
  dispatcher: Dispatcher;
  sessions: SessionService;
  /** Consults and warm or cold transfers of sessions. */
  transfers: Transfers;
  /** Supervisors on live calls: listen, coach, barge, leave; and the audit trail. */
  supervision: Supervision;
  offers: OfferService;
  presence: AgentPresence;
  liveness: InstanceLiveness;
  positions: QueuePositions;
  requests: HelpRequestService;
  history: RequestHistory;
  /** The user behind a request, for the agents on it (CRM). */
  customers: CustomerView;
  erasure: UserErasure;
  userCases: UserCases;
  retention: RetentionPurge;
  cases: CaseRepository;
  floor: FloorService;
  urgency: UrgencyService;
  incidents: Incidents;
  /** Supervisors' incident statuses and resolutions; linked users' notices and answers. */
  incidentDesk: IncidentDesk;
  incidentNotices: IncidentNotices;
  incidentAnswers: IncidentAnswers;
  /** Follow-ups and escalations a wrap-up leaves. */
  followUps: FollowUpService;
  wrapUps: WrapUps;
  voice: VoiceService;
  video: VideoFeedbackService;
  conversations: ConversationService;
  /** "Call me back": the choice, reaching the user, the retry and the miss. */
  callbacks: CallbackService;
  /** The routing policy in force, its versions and changes. */
  policies: RoutingPolicies;
  /** The knowledge base's articles and their search. */
  kb: KbRepository;
  /** What the console suggests to the agent on a case. */
  suggestions: Suggestions;
  /** The front door of text conversations: answers from the knowledge base, hands over to a person. */
  assistant: Assistant;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifeline: Lifeline;
  }
}

export interface ServicesOptions {
  config: Config;
  media: MediaPlane;
  scorer: UrgencyScorer;
  now: () => number;
}

/**
 * Composes the application once per app (foundation, routing, cases; see server/composition/),
 * starts its timers and fan-out when ready and stops them on close. Nothing is global.
 */
export default fp<ServicesOptions>(
  async (app, { config, media, scorer, now }) => {
    const base = composeFoundation(app, config, now);
    const routing = composeRouting(base, media);
    const captions = composeCaptions(config, app.redis, app.log);
    routing.sessions.captions = captions.dispatch;
    const { voiceJobs, ...cases } = composeCases(app, config, base, routing, scorer);
    const followUps = composeFollowUps(app, config, base, routing);
    const managedIncidents = composeIncidents(app, config, base, routing, cases);
    const { bus, sockets } = base;
    const { kb } = base;
    // Its own connection: a BullMQ worker blocks on Redis and waits out outages.
    const repairConnection = connectRedis(config, 'wait-it-out');
    const repairs = new RecordRepairs(repairConnection, config.keyPrefix, base.records, app.log);
    const { dispatcher, positions, liveness, rebuild } = routing;
    const sweeper = new Sweeper({
      ...routing,
      requests: cases.requests,
      assistant: cases.assistant,
      retention: cases.retention,
      followUps: followUps.followUps,
      incidentResolutions: managedIncidents.incidentDesk,
      now,
      log: app.log,
      intervalMs: config.routing.sweepIntervalMs,
      leaseMs: config.routing.presenceLeaseMs,
    });
    bus.on((event) => {
      if (event.t === 'queue-changed') positions.changed();
      else if (event.t === 'dispatch') dispatcher.requestWaiting(event.requestId);
      else if (event.t === 'policy-changed')
        void base.policies
          .reload()
          .catch((error: unknown) => app.log.warn({ err: error }, 'policy reload failed'));
      else sockets.deliver(event);
    });
    app.decorate('lifeline', {
      config,
      secrets: config.secrets,
      now,
      media,
      identities: new PlatformIdentity(config.secrets.platform, now),
      loginGuard: new LoginGuard(app.redis, config.keyPrefix, config.login),
      stores: base.stores,
      cases: base.cases,
      bus,
      sockets,
      metrics: base.metrics,
      tokens: base.tokens,
      agents: base.agents,
      policies: base.policies,
      kb,
      suggestions: new Suggestions({ kb, conversations: cases.conversations, requests: cases.requests }),
      ...routing,
      ...cases,
      ...followUps,
      ...managedIncidents,
    });
    app.addHook('onReady', async () => {
      // Before anything routes: a policy file with problems stops the start here.
      await base.policies.start();
      await liveness.heartbeat();
      await rebuild.ensure();
      await bus.start();
      sweeper.start();
      repairs.start();
      // Pub/sub keeps nothing for a connection that was down: when Redis is back, every socket
      // here is counted again and told its current state.
      for (const connection of [app.redis, app.redisSubscriber])
        connection.on(
          'ready',
          () =>
            void liveness
              .resync('Redis is back')
              .catch((error: unknown) => app.log.warn({ err: error }, 'resync failed')),
        );
    });
    // Sockets close in preClose (websocket plugin); here the timers stop and rounds in flight finish.
    app.addHook('onClose', async () => {
      await sweeper.stop();
      base.policies.close();
      await dispatcher.idle();
      await liveness.leave().catch(() => {});
      await positions.close();
      await bus.flush().catch(() => {});
      await voiceJobs.close();
      await captions.close();
      await repairs.close().catch(() => {});
      await base.recordJobs.close().catch(() => {});
      repairConnection.disconnect();
    });
  },
  { name: 'lifeline-services', dependencies: ['lifeline-redis', 'lifeline-database'] },
);
