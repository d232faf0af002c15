import type { FastifyInstance } from 'fastify';
import { HeldCases } from '../../platform/db/HeldCases.js';
import { AssistantStore } from '../../platform/stores/AssistantStore.js';
import type { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import { Assistant } from '../assistant/Assistant.js';
import { AssistantHandoffs } from '../assistant/AssistantHandoffs.js';
import { AssistantLines } from '../assistant/AssistantLines.js';
import { UrgencyUpdate } from '../assistant/UrgencyUpdate.js';
import type { Config } from '../config/load.js';
import type { Foundation } from './foundation.js';
import type { Routing } from './routing.js';

/** The assistant at the front door of text conversations, over the knowledge base. */
export function composeAssistant(
  app: FastifyInstance,
  config: Config,
  base: Foundation,
  routing: Routing,
  urgency: UrgencyService,
): Assistant {
  const { deps, messages, bus, cases, kb } = base;
  const { agingPointsPerMinute, retentionMs } = config.routing;
  const store = new AssistantStore(app.redis, config.keyPrefix, retentionMs, base.policies.placeNew);
  const lines = new AssistantLines({ messages, held: new HeldCases(app.db), bus, now: deps.now });
  const handoffs = new AssistantHandoffs({
    ...deps,
    store,
    lines,
    dispatcher: routing.dispatcher,
    agingPointsPerMinute,
  });
  return new Assistant({
    ...deps,
    store,
    kb,
    lines,
    handoffs,
    urgency: new UrgencyUpdate({
      urgency,
      queue: deps.queue,
      cases,
      agingPointsPerMinute,
      now: deps.now,
      log: app.log,
    }),
    settings: config.assistant,
  });
}
