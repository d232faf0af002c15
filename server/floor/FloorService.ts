import { floorMetrics } from '../../core/routing/floorMetrics.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { AgentState, Incident, QueueReply, SupervisorOverview } from '../../core/protocol/floor.js';
import type { TaskRepository } from '../../platform/db/TaskRepository.js';
import type { IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import type { Incidents } from '../../platform/urgency/Incidents.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import { toTaskView } from '../follow-ups/taskView.js';
import { toIncidentView } from '../incidents/incidentView.js';
import { toHelpRequestView } from '../help-requests/view.js';
import type { RoutingDeps } from '../routing/deps.js';
import type { QueuePositions } from '../routing/QueuePositions.js';

/** How many waiting requests an agent's queue view lists. */
const QUEUE_VIEW_LIMIT = 100;
/** How many of the most urgent waiting requests the supervisor's breakdowns are counted over. */
const OVERVIEW_SAMPLE = 10_000;
/** How many of the latest routing policy alerts the overview lists. */
const OVERVIEW_ALERTS = 20;
/** How many pending and open tasks the overview lists. */
const OVERVIEW_TASKS = 100;
/** An incident's chart: reports per minute over the last hour. */
const CHART_MINUTES = 60;
/** How far back the overview counts cases answered by an incident's status. */
const ANSWERED_WINDOW_MS = 24 * 3_600_000;

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
    private readonly records: {
      incidents: Pick<Incidents, 'open'>;
      statuses: Pick<IncidentStatusRepository, 'tallies' | 'answeredSince'>;
      tasks: Pick<TaskRepository, 'live'>;
    },
    private readonly positions: QueuePositions,
  ) {}

  async queue(): Promise<QueueReply> {
    const records = await this.deps.queue.waitingDetails(QUEUE_VIEW_LIMIT);
    const etas = await this.positions.lineEstimates(records.map((_, index) => index + 1));
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
    const { queue, sessionStore, floor, settings } = this.deps;
    const [all, total, waiting, totals, live, incidents, tasks, answeredByStatus] = await Promise.all([
      this.agents.list(),
      queue.waitingCount(),
      queue.waitingDetails(OVERVIEW_SAMPLE),
      floor.totals(),
      sessionStore.activeSessions(),
      this.incidents(),
      this.records.tasks.live(OVERVIEW_TASKS),
      this.records.statuses.answeredSince(this.deps.now() - ANSWERED_WINDOW_MS),
    ]);
    const agents = await this.agentStates(all);
    const alerts = await this.deps.placements.alerts(OVERVIEW_ALERTS);
    const [callbacks, assistant] = await Promise.all([floor.callbacks(), floor.assistant()]);
    return {
      assistant,
      routingAlerts: alerts.map(({ at, category, ...alert }) => ({
        ...alert,
        category: category as CategoryName,
        at: new Date(at).toISOString(),
      })),
      agents,
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
      incidents,
      answeredByStatus,
      callbacks,
      tasks: tasks.map(toTaskView),
    };
  }

  private async agentStates(all: Awaited<ReturnType<AgentRepository['list']>>): Promise<AgentState[]> {
    const presence = await Promise.all(all.map((agent) => this.deps.presenceStore.getPresence(agent.id)));
    return all.map((agent, i) => ({
      id: agent.id,
      name: agent.name,
      role: agent.role,
      status: presence[i]?.status ?? 'offline',
      load: Number(presence[i]?.load ?? 0),
      maxSessions: agent.maxSessions,
    }));
  }

  /** Everyone but the asking agent, those who could consult now first, for a consult or transfer. */
  async colleagues(agentId: string): Promise<AgentState[]> {
    const states = await this.agentStates((await this.agents.list()).filter((a) => a.id !== agentId));
    const free = (a: AgentState) => a.status === 'available' && a.load < a.maxSessions;
    return states.sort((a, b) => Number(free(b)) - Number(free(a)) || a.name.localeCompare(b.name));
  }

  /** Open incidents from the system of record, newest report first, each with its chart of reports. */
  async incidents(): Promise<Incident[]> {
    const now = this.deps.now();
    const open = await this.records.incidents.open(now);
    // Whole minutes, so a chart's buckets stay put between refreshes.
    const since = Math.floor(now / 60_000) * 60_000 - (CHART_MINUTES - 1) * 60_000;
    const tallies = await this.records.statuses.tallies(
      open.map((i) => i.id),
      since,
      CHART_MINUTES,
    );
    return open.map((i) => toIncidentView(i, tallies.get(i.id)));
  }
}
