import type { FastifyInstance } from 'fastify';
import type { UrgencyScorer } from '../../core/urgency/types.js';
import { MessageRepository } from '../../platform/db/MessageRepository.js';
import { ProfileRepository } from '../../platform/db/ProfileRepository.js';
import { VoiceJobs } from '../../platform/jobs/queues.js';
import { IncidentTracker } from '../../platform/urgency/IncidentTracker.js';
import { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { Config } from '../config/load.js';
import { ConversationService } from '../conversations/ConversationService.js';
import { FloorService } from '../floor/FloorService.js';
import { CustomerView } from '../help-requests/CustomerView.js';
import { HelpRequestService } from '../help-requests/HelpRequestService.js';
import { RequestHistory } from '../help-requests/RequestHistory.js';
import { RetentionPurge } from '../help-requests/RetentionPurge.js';
import { UserCases } from '../help-requests/UserCases.js';
import { UserErasure } from '../help-requests/UserErasure.js';
import { PlatformNotifier } from '../notify/PlatformNotifier.js';
import { VoiceService } from '../voice/VoiceService.js';
import type { Foundation } from './foundation.js';
import type { Routing } from './routing.js';

/** Cases and what hangs off them: urgency, requests, voice, conversations, the floor, the user. */
export function composeCases(
  app: FastifyInstance,
  config: Config,
  base: Foundation,
  routing: Routing,
  scorer: UrgencyScorer,
) {
  const { deps, stores, cases, bus, blobs, tokens, agents } = base;
  const { now } = deps;
  const incidents = new IncidentTracker(app.redis, config.keyPrefix, {
    windowMs: config.urgency.incidentWindowMs,
    minUsers: config.urgency.incidentMinUsers,
  });
  const urgency = new UrgencyService(scorer, stores.history, incidents, config.urgency);
  const { positions, dispatcher, sessions } = routing;
  const requests = new HelpRequestService(deps, tokens, urgency, positions, dispatcher, sessions);
  const voiceJobs = new VoiceJobs(app.redis, config.keyPrefix, config.jobs);
  return {
    incidents,
    urgency,
    requests,
    voiceJobs,
    voice: new VoiceService(stores.queue, blobs, voiceJobs, bus, config.voice),
    history: new RequestHistory(deps, agents),
    customers: new CustomerView({ profiles: new ProfileRepository(app.db), requests, agents }),
    erasure: new UserErasure(deps, requests, blobs),
    userCases: new UserCases(cases, tokens),
    floor: new FloorService(deps, agents, incidents, positions),
    retention: new RetentionPurge({
      cases,
      blobs,
      claim: async (periodMs) =>
        (await app.redis.set(`${config.keyPrefix}retention-claim`, '1', 'PX', periodMs, 'NX')) === 'OK',
      settings: config.retention,
      now,
      log: app.log,
    }),
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
  };
}
