import { floorMetrics } from '../../core/routing/floorMetrics.js';
import type { QueueReply, SupervisorOverview } from '../../core/protocol/floor.js';
import type { IncidentTracker } from '../../platform/urgency/IncidentTracker.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import { toHelpRequestView } from '../help-requests/view.js';
import type { RoutingDeps } from '../routing/deps.js';
import type { QueuePositions } from '../routing/QueuePositions.js';

/** How many waiting requests an agent's queue view lists. */
const QUEUE_VIEW_LIMIT = 100;
/** How many of the most urgent waiting requests the supervisor's breakdowns are counted over. */
const OVERVIEW_SAMPLE = 10_000;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** What agents and supervisors see beyond their own offers: the queue and the floor's figures. */
export class FloorService {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly agents: AgentRepository,
    private readonly incidents: IncidentTracker,
    private readonly positions: QueuePositions,
  ) {}

  async queue(): Promise<QueueReply> {
    const records = await this.deps.queue.waitingDetails(QUEUE_VIEW_LIMIT);
    const etas = await this.positions.estimates(records.map((_, index) => index + 1));
    return {
      requests: records.map((record, index) =>
        toHelpRequestView({
          record,
          queue: { position: index + 1, etaSeconds: etas[index] ?? 0, state: 'waiting' },
        }),
      ),
    };
  }

  async overview(): Promise<SupervisorOverview> {
    const { queue, sessionStore, presenceStore, floor, now, settings } = this.deps;
    const [all, total, waiting, totals, live, open] = await Promise.all([
      this.agents.list(),
      queue.waitingCount(),
      queue.waitingDetails(OVERVIEW_SAMPLE),
      floor.totals(),
      sessionStore.activeSessions(),
      this.incidents.open(now()),
    ]);
    const presence = await Promise.all(all.map((agent) => presenceStore.getPresence(agent.id)));
    return {
      agents: all.map((agent, i) => ({
        id: agent.id,
        name: agent.name,
        role: agent.role,
        status: presence[i]?.status ?? 'offline',
        load: Number(presence[i]?.load ?? 0),
        maxSessions: agent.maxSessions,
      })),
      waiting: {
        total,
        byCategory: countBy(waiting, (r) => r.category),
        byLevel: countBy(waiting, (r) => r.level),
        sampled: waiting.length,
      },
      metrics: { ...floorMetrics(totals), serviceLevelTargetSeconds: settings.serviceLevelTargetSeconds },
      sessions: live.map((s) => ({
        sessionId: s.id ?? '',
        requestId: s.requestId ?? '',
        agentId: s.agentId ?? '',
        startedAt: new Date(Number(s.startedAt)).toISOString(),
      })),
      incidents: open.map((i) => ({ ...i, since: new Date(i.since).toISOString() })),
    };
  }
}
