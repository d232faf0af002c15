import type { FastifyInstance } from 'fastify';
import { EventBus } from '../../platform/bus/EventBus.js';
import { AuditRepository } from '../../platform/db/AuditRepository.js';
import { CaseRepository } from '../../platform/db/CaseRepository.js';
import { MessageRepository } from '../../platform/db/MessageRepository.js';
import { PolicyRepository } from '../../platform/db/PolicyRepository.js';
import { RecordJobs } from '../../platform/jobs/records.js';
import { TaskRepository } from '../../platform/db/TaskRepository.js';
import { FileBlobStore } from '../../platform/storage/FileBlobStore.js';
import { KbRepository } from '../../platform/db/KbRepository.js';
import { CallbackStore } from '../../platform/stores/CallbackStore.js';
import { FloorStats } from '../../platform/stores/FloorStats.js';
import { HistoryStore } from '../../platform/stores/HistoryStore.js';
import { PlacementStore } from '../../platform/stores/PlacementStore.js';
import { PresenceStore } from '../../platform/stores/PresenceStore.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { SessionStore } from '../../platform/stores/SessionStore.js';
import { TransferStore } from '../../platform/stores/TransferStore.js';
import { AgentRepository } from '../agents/AgentRepository.js';
import { LifelineTokens } from '../auth/LifelineTokens.js';
import type { Config } from '../config/load.js';
import { SystemLines } from '../conversations/SystemLines.js';
import { PlatformNotifier } from '../notify/PlatformNotifier.js';
import { RecordKeeper } from '../records/RecordKeeper.js';
import { LifelineMetrics } from '../observability/LifelineMetrics.js';
import { RoutingPolicies } from '../policies/RoutingPolicies.js';
import type { RoutingDeps } from '../routing/deps.js';
import { SocketRegistry } from '../ws/SocketRegistry.js';

/** What every module is built on: the stores, the system of record, fan-out, tokens, accounts. */
export function composeFoundation(app: FastifyInstance, config: Config, now: () => number) {
  const { retentionMs } = config.routing;
  const bus = new EventBus(app.redis, app.redisSubscriber, config.keyPrefix, {
    onBadMessage: (error) => app.log.warn({ err: error }, 'ignored a malformed bus message'),
    // Half a push interval: a change waits at most that long to reach the other instances' pushes.
    queueChangedEveryMs: config.routing.queueUpdateIntervalMs / 2,
    onPublishFailure: (error) => app.log.warn({ err: error }, 'could not announce a queue change'),
  });
  const placements = new PlacementStore(app.redis, config.keyPrefix);
  const policies = new RoutingPolicies({
    repository: new PolicyRepository(app.db),
    bus,
    log: app.log,
    file: config.policy.file,
    pollMs: config.policy.pollMs,
    // A new policy applies to the requests already waiting too: each is decided again.
    onNewVersion: () => placements.allDue(),
  });
  const stores = {
    queue: new QueueStore(app.redis, config.keyPrefix, retentionMs, policies.placeNew),
    sessionStore: new SessionStore(app.redis, config.keyPrefix, retentionMs),
    transfers: new TransferStore(app.redis, config.keyPrefix, retentionMs),
    history: new HistoryStore(app.redis, config.keyPrefix),
    presenceStore: new PresenceStore(app.redis, config.keyPrefix),
    floor: new FloorStats(app.redis, config.keyPrefix),
    placements,
  };
  const metrics = new LifelineMetrics(
    () => stores.queue.waitingCount(),
    () => stores.presenceStore.countOnlineAgents(),
  );
  const cases = new CaseRepository(app.db);
  // Changes Redis made live that PostgreSQL missed wait in Redis (BullMQ) until they are written.
  const recordJobs = new RecordJobs(app.redis, config.keyPrefix, config.records);
  const tasks = new TaskRepository(app.db);
  const audit = new AuditRepository(app.db);
  const records = new RecordKeeper({
    cases,
    audit,
    tasks,
    sessions: stores.sessionStore,
    jobs: recordJobs,
    log: app.log,
  });
  const deps: RoutingDeps = {
    ...stores,
    cases,
    records,
    bus,
    now,
    settings: config.routing,
    metrics,
    log: app.log,
  };
  const messages = new MessageRepository(app.db);
  return {
    deps,
    /** True for the one instance that takes this period's turn of a periodic job. */
    claim: async (job: string, periodMs: number) =>
      (await app.redis.set(`${config.keyPrefix}claim:${job}`, '1', 'PX', periodMs, 'NX')) === 'OK',
    /** A number the instances share, such as how far a periodic job has got. */
    marker: (name: string) => {
      const key = `${config.keyPrefix}marker:${name}`;
      return {
        get: async () => {
          const value = await app.redis.get(key);
          return value === null ? null : Number(value);
        },
        set: async (value: number) => void (await app.redis.set(key, String(value))),
      };
    },
    records,
    recordJobs,
    audit,
    stores,
    placements,
    policies,
    cases,
    tasks,
    messages,
    /** The knowledge base's articles and their search. */
    kb: new KbRepository(app.db),
    systemLines: new SystemLines({ messages, bus, now }),
    callbackStore: new CallbackStore(app.redis, config.keyPrefix),
    notifier: new PlatformNotifier(config.notify, app.log),
    bus,
    metrics,
    blobs: new FileBlobStore(config.voice.dir),
    tokens: new LifelineTokens(
      config.secrets.signing,
      { agentSeconds: config.tokens.agentTtlSeconds, requestSeconds: config.tokens.requestTtlSeconds },
      now,
    ),
    agents: new AgentRepository(app.redis, config.keyPrefix),
    sockets: new SocketRegistry(),
  };
}

export type Foundation = ReturnType<typeof composeFoundation>;
