import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load.js';
import { FollowUpService } from '../follow-ups/FollowUpService.js';
import { WrapUps } from '../follow-ups/WrapUps.js';
import type { Foundation } from './foundation.js';
import type { Routing } from './routing.js';

/** Wrap-ups and the tasks they leave: follow-ups offered back to their agent, escalations. */
export function composeFollowUps(app: FastifyInstance, config: Config, base: Foundation, routing: Routing) {
  const followUps = new FollowUpService({
    tasks: base.tasks,
    cases: base.cases,
    records: base.records,
    queue: base.stores.queue,
    sessionStore: base.stores.sessionStore,
    bus: base.bus,
    dispatcher: routing.dispatcher,
    agents: base.agents,
    settings: {
      ...config.followUps,
      agingPointsPerMinute: config.routing.agingPointsPerMinute,
      activeTtlMs: base.tokens.requestTtlMs,
    },
    now: base.deps.now,
    log: app.log,
  });
  return { followUps, wrapUps: new WrapUps(routing.sessions, followUps) };
}
