import type { FastifyBaseLogger } from 'fastify';
import type { ServerFrameOf } from '../../core/protocol/frames.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { Config } from '../config/load.js';
import type { RecordKeeper } from '../records/RecordKeeper.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { FloorStats } from '../../platform/stores/FloorStats.js';
import type { PlacementStore } from '../../platform/stores/PlacementStore.js';
import type { PresenceStore } from '../../platform/stores/PresenceStore.js';
import type { HistoryStore } from '../../platform/stores/HistoryStore.js';
import type { QueueStore } from '../../platform/stores/QueueStore.js';
import type { SessionStore } from '../../platform/stores/SessionStore.js';
import type { TransferStore } from '../../platform/stores/TransferStore.js';

/** What routing needs of the sessions module: turning an accepted offer into a session. */
export interface SessionStarter {
  start(sessionId: string, requestId: string, agentId: string): Promise<void>;
}

/** What routing needs of the sockets on this instance: which users are here, and a way to reach one. */
export interface LocalUsers {
  localRequestIds(): string[];
  sendTo(kind: 'request', id: string, frame: ServerFrameOf<'queue.update'>): void;
}

/** The hot state in Redis, one store per job. */
export interface RoutingStores {
  queue: QueueStore;
  sessionStore: SessionStore;
  transfers: TransferStore;
  history: HistoryStore;
  presenceStore: PresenceStore;
  floor: FloorStats;
  placements: PlacementStore;
}

/** What every routing service is handed: state, fan-out, the clock, settings, metrics and a log. */
export interface RoutingDeps extends RoutingStores {
  /** The system of record in PostgreSQL. */
  cases: CaseRepository;
  /** Writes changes Redis made live to the system of record, through the outbox when it must. */
  records: Pick<RecordKeeper, 'keep'>;
  bus: EventBus;
  now: () => number;
  settings: Config['routing'];
  metrics: LifelineMetrics;
  log: FastifyBaseLogger;
}
