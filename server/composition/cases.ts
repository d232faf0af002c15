import type { FastifyInstance } from 'fastify';
import type { UrgencyScorer } from '../../core/urgency/types.js';
import { ProfileRepository } from '../../platform/db/ProfileRepository.js';
import { TranscriptRepository } from '../../platform/db/TranscriptRepository.js';
import { VoiceJobs } from '../../platform/jobs/queues.js';
import { IncidentRepository } from '../../platform/db/IncidentRepository.js';
import { IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import { IncidentTracker } from '../../platform/urgency/IncidentTracker.js';
import { Incidents } from '../../platform/urgency/Incidents.js';
import { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { Config } from '../config/load.js';
import { composeAssistant } from './assistant.js';
import { ConversationService } from '../conversations/ConversationService.js';
import { FloorService } from '../floor/FloorService.js';
import { CustomerView } from '../help-requests/CustomerView.js';
import { HelpRequestService } from '../help-requests/HelpRequestService.js';
import { RequestHistory } from '../help-requests/RequestHistory.js';
import { RetentionPurge } from '../help-requests/RetentionPurge.js';
import { UserCases } from '../help-requests/UserCases.js';
import { UserErasure } from '../help-requests/UserErasure.js';
import { VideoFeedbackService } from '../video/VideoFeedbackService.js';
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
  const { deps, stores, cases, messages, bus, blobs, tokens, agents } = base;
  const { now } = deps;
  const { incidentWindowMs: windowMs, incidentMinUsers: minUsers } = config.urgency;
  const incidents = new Incidents(
    new IncidentTracker(app.redis, config.keyPrefix, { windowMs, minUsers }),
    new IncidentRepository(app.db),
    { windowMs },
    (error) => app.log.warn({ err: error }, 'could not record an incident in the database'),
  );
  const urgency = new UrgencyService(scorer, stores.history, incidents, config.urgency);
  const incidentStatuses = new IncidentStatusRepository(app.db);
  const { positions, dispatcher, sessions } = routing;
  const transcripts = new TranscriptRepository(app.db);
  const assistant = composeAssistant(app, config, base, routing, urgency);
  const requests = new HelpRequestService(
    deps,
    tokens,
    urgency,
    positions,
    dispatcher,
    sessions,
    transcripts,
    assistant,
  );
  const voiceJobs = new VoiceJobs(app.redis, config.keyPrefix, config.jobs);
  const composed = {
    assistant,
    incidents,
    urgency,
    requests,
    voiceJobs,
    history: new RequestHistory(deps, agents),
    customers: new CustomerView({ profiles: new ProfileRepository(app.db), requests, agents }),
    erasure: new UserErasure(deps, requests, blobs),
    userCases: new UserCases(cases, tokens),
    incidentStatuses,
    floor: new FloorService(
      deps,
      agents,
      { incidents, statuses: incidentStatuses, tasks: base.tasks },
      positions,
    ),
    retention: new RetentionPurge({
      cases,
      transcripts,
      blobs,
      claim: (periodMs) => base.claim('retention', periodMs),
      settings: config.retention,
      now,
      log: app.log,
    }),
    conversations: new ConversationService({
      messages,
      cases,
      requests,
      agents,
      bus,
      now,
      userPresent: (requestId) => stores.presenceStore.userPresent(requestId, now()),
      notifier: base.notifier,
      assistant: {
        heard: (requestId, line) =>
          assistant.heard(requestId, line).catch((error: unknown) => {
            // The user's line is stored whatever the assistant makes of it; a later line or the sweep moves on.
            app.log.warn({ err: error, requestId }, 'the assistant could not answer a line');
          }),
      },
    }),
  };
  const { conversations } = composed;
  const recordings = { requests: stores.queue, blobs, jobs: voiceJobs, bus, conversations, log: app.log };
  return {
    ...composed,
    voice: new VoiceService({ ...recordings, limits: config.voice }),
    video: new VideoFeedbackService({ ...recordings, limits: config.video }),
  };
}
