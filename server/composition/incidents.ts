import type { FastifyInstance } from 'fastify';
import { IncidentResolutions } from '../../platform/db/IncidentResolutions.js';
import type { IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import { IncidentAnswers } from '../incidents/IncidentAnswers.js';
import { IncidentDesk } from '../incidents/IncidentDesk.js';
import { IncidentNotices } from '../incidents/IncidentNotices.js';
import type { Config } from '../config/load.js';
import type { Foundation } from './foundation.js';
import type { Routing } from './routing.js';

/** Incidents as problems: supervisors' statuses and resolutions, and linked users' answers. */
export function composeIncidents(
  app: FastifyInstance,
  config: Config,
  base: Foundation,
  routing: Routing,
  cases: { incidentStatuses: IncidentStatusRepository; requests: HelpRequestService },
) {
  const { bus, metrics, deps } = base;
  const repository = cases.incidentStatuses;
  const incidentNotices = new IncidentNotices({ repository, bus, log: app.log });
  const incidentAnswers = new IncidentAnswers({
    repository,
    requests: cases.requests,
    queue: base.stores.queue,
    cases: base.cases,
    bus,
    dispatcher: routing.dispatcher,
    metrics,
    settings: {
      agingPointsPerMinute: config.routing.agingPointsPerMinute,
      activeTtlMs: base.tokens.requestTtlMs,
    },
    now: deps.now,
  });
  return {
    incidentNotices,
    incidentAnswers,
    incidentDesk: new IncidentDesk({
      repository,
      notices: incidentNotices,
      requests: cases.requests,
      answers: incidentAnswers,
      metrics,
      resolutions: new IncidentResolutions(app.db),
      claim: (periodMs) => base.claim('incident-resolutions', periodMs),
      resumeAfterMs: config.routing.incidentResolutionResumeMs,
      now: deps.now,
      log: app.log,
    }),
  };
}
