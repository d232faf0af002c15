import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../bus/EventBus.js';
import type { Config } from '../config/load.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { FloorStats } from './store/FloorStats.js';
import type { PresenceStore } from './store/PresenceStore.js';
import type { RoutingStore } from './store/RoutingStore.js';

/** What every routing service is handed: state, fan-out, the clock, settings, metrics and a log. */
export interface RoutingDeps {
  store: RoutingStore;
  presenceStore: PresenceStore;
  floor: FloorStats;
  bus: EventBus;
  now: () => number;
  settings: Config['routing'];
  metrics: LifelineMetrics;
  log: FastifyBaseLogger;
}
