import fp from 'fastify-plugin';
import { AgentRepository } from '../agents/AgentRepository.js';
import { LifelineTokens } from '../auth/LifelineTokens.js';
import { LoginGuard } from '../auth/LoginGuard.js';
import { PlatformIdentity } from '../auth/PlatformIdentity.js';
import { EventBus } from '../../platform/bus/EventBus.js';
import type { Config } from '../config/load.js';
import type { RoutingStores } from '../routing/deps.js';
import { FloorService } from '../floor/FloorService.js';
import { HelpRequestService } from '../help-requests/HelpRequestService.js';
import { CustomerView } from '../help-requests/CustomerView.js';
import { RequestHistory } from '../help-requests/RequestHistory.js';
import { RetentionPurge } from '../help-requests/RetentionPurge.js';
import { UserCases } from '../help-requests/UserCases.js';
import { PlatformNotifier } from '../notify/PlatformNotifier.js';
import { UserErasure } from '../help-requests/UserErasure.js';
import { LifelineMetrics } from '../observability/LifelineMetrics.js';
import { AgentPresence } from '../routing/AgentPresence.js';
import { Dispatcher } from '../routing/Dispatcher.js';
import { OfferService } from '../routing/OfferService.js';
import { QueuePositions } from '../routing/QueuePositions.js';
import { FloorStats } from '../../platform/stores/FloorStats.js';
import { PresenceStore } from '../../platform/stores/PresenceStore.js';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { MessageRepository } from '../../platform/db/MessageRepository.js';
import { ProfileRepository } from '../../platform/db/ProfileRepository.js';
import { ConversationService } from '../conversations/ConversationService.js';
import { HistoryStore } from '../../platform/stores/HistoryStore.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { SessionStore } from '../../platform/stores/SessionStore.js';
import { InstanceLiveness } from '../routing/InstanceLiveness.js';
import { QueueRebuild } from '../routing/QueueRebuild.js';
import { Sweeper } from '../routing/Sweeper.js';
import { SessionService } from '../sessions/SessionService.js';
import { FileBlobStore } from '../../platform/storage/FileBlobStore.js';
import { IncidentTracker } from '../../platform/urgency/IncidentTracker.js';
import { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import { VoiceService } from '../voice/VoiceService.js';
import { SocketRegistry } from '../ws/SocketRegistry.js';
import { VoiceJobs } from '../../platform/jobs/queues.js';
import type { MediaPlane } from '../../media/MediaPlane.js';
import type { UrgencyScorer } from '../../core/urgency/types.js';

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
  incidents: IncidentTracker;
  voice: VoiceService;
  conversations: ConversationService;
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

/** Composes the application's services once per app; each is handed what it needs, nothing global. */
export default fp<ServicesOptions>(
  async (app, { config, media, scorer, now }) => {
    const { retentionMs } = config.routing;
    const stores = {
      queue: new QueueStore(app.redis, config.keyPrefix, retentionMs),
      sessionStore: new SessionStore(app.redis, config.keyPrefix, retentionMs),
      history: new HistoryStore(app.redis, config.keyPrefix),
      presenceStore: new PresenceStore(app.redis, config.keyPrefix),
      floor: new FloorStats(app.redis, config.keyPrefix),
    };
    const bus = new EventBus(app.redis, app.redisSubscriber, config.keyPrefix, (error) =>
      app.log.warn({ err: error }, 'ignored a malformed bus message'),
    );
    const metrics = new LifelineMetrics(
      () => stores.queue.waitingCount(),
      () => stores.presenceStore.countOnlineAgents(),
    );
    const tokens = new LifelineTokens(
      config.secrets.signing,
      { agentSeconds: config.tokens.agentTtlSeconds, requestSeconds: config.tokens.requestTtlSeconds },
      now,
    );
    const cases = new CaseRepository(app.db);
    const blobs = new FileBlobStore(config.voice.dir);
    const deps = { ...stores, cases, bus, now, settings: config.routing, metrics, log: app.log };
    const agents = new AgentRepository(app.redis, config.keyPrefix);
    const sockets = new SocketRegistry();
    const dispatcher = new Dispatcher(deps);
    const sessions = new SessionService(deps, media, agents, dispatcher);
    const positions = new QueuePositions(deps, sockets);
    const offers = new OfferService(deps, sessions, dispatcher);
    const presence = new AgentPresence(deps, agents, dispatcher, (agentId) =>
      offers.withdrawAllFrom(agentId),
    );
    const liveness = new InstanceLiveness(deps, presence);
    const rebuild = new QueueRebuild(deps, dispatcher);
    const retention = new RetentionPurge({
      cases,
      blobs,
      claim: async (periodMs) =>
        (await app.redis.set(`${config.keyPrefix}retention-claim`, '1', 'PX', periodMs, 'NX')) === 'OK',
      settings: config.retention,
      now,
      log: app.log,
    });
    const incidents = new IncidentTracker(app.redis, config.keyPrefix, {
      windowMs: config.urgency.incidentWindowMs,
      minUsers: config.urgency.incidentMinUsers,
    });
    const urgency = new UrgencyService(scorer, stores.history, incidents, config.urgency);
    const requests = new HelpRequestService(deps, tokens, urgency, positions, dispatcher, sessions);
    const voiceJobs = new VoiceJobs(app.redis, config.keyPrefix, config.jobs);
    const voice = new VoiceService(stores.queue, blobs, voiceJobs, bus, config.voice);
    const sweeper = new Sweeper({
      offers,
      requests,
      liveness,
      rebuild,
      retention,
      dispatcher,
      now,
      log: app.log,
      intervalMs: config.routing.sweepIntervalMs,
      leaseMs: config.routing.presenceLeaseMs,
    });
    bus.on((event) => {
      if (event.t === 'queue-changed') positions.changed();
      else if (event.t === 'dispatch') dispatcher.requestWaiting(event.requestId);
      else sockets.deliver(event);
    });
    app.decorate('lifeline', {
      config,
      stores,
      secrets: config.secrets,
      now,
      tokens,
      identities: new PlatformIdentity(config.secrets.platform, now),
      agents,
      loginGuard: new LoginGuard(app.redis, config.keyPrefix, config.login),
      media,
      bus,
      sockets,
      metrics,
      dispatcher,
      sessions,
      offers,
      presence,
      liveness,
      positions,
      requests,
      history: new RequestHistory(deps, agents),
      customers: new CustomerView({ profiles: new ProfileRepository(app.db), requests, agents }),
      erasure: new UserErasure(deps, requests, blobs),
      userCases: new UserCases(cases, tokens),
      retention,
      cases,
      floor: new FloorService(deps, agents, incidents, positions),
      urgency,
      incidents,
      voice,
      conversations: new ConversationService({
        messages: new MessageRepository(app.db),
        cases,
        requests,
        agents,
        bus,
        now,
        userPresent: (requestId) => stores.presenceStore.userPresent(requestId, now()),
        notifier: new PlatformNotifier(config.notify, app.log),
      }),
    });
    app.addHook('onReady', async () => {
      await liveness.heartbeat();
      await rebuild.ensure();
      await bus.start();
      sweeper.start();
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
      await dispatcher.idle();
      await liveness.leave().catch(() => {});
      await positions.close();
      await voiceJobs.close();
    });
  },
  { name: 'lifeline-services', dependencies: ['lifeline-redis', 'lifeline-database'] },
);
