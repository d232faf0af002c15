import { metricsOf, rollUp, totalOf, type Sums } from '../../core/analytics/metrics.js';
import { analyticsWindow } from '../../core/analytics/window.js';
import type {
  AgentRow,
  AnalyticsQuery,
  AnalyticsReply,
  BreakdownRow,
} from '../../core/protocol/analytics.js';
import type { Channel, Tier } from '../../core/protocol/vocabulary.js';
import { routeFor } from '../../core/routing/policy/route.js';
import type { ValidPolicy } from '../../core/routing/policy/validate.js';
import type { AnalyticsRepository, GroupKey } from '../../platform/db/AnalyticsRepository.js';
import type { AgentRepository } from '../agents/AgentRepository.js';

export interface AnalyticsDeps {
  repository: AnalyticsRepository;
  agents: Pick<AgentRepository, 'namesOf'>;
  /** The routing policy in force, if any: its queues are the breakdown's queues. */
  policy: () => ValidPolicy | null;
  serviceLevelTargetSeconds: number;
  maxRangeDays: number;
  now: () => number;
}

type Group = GroupKey & Partial<Sums>;

const rows = (groups: readonly Group[], keyOf: (group: Group) => string): BreakdownRow[] =>
  rollUp(groups, keyOf).map(({ key, sums }) => ({ key, ...metricsOf(sums) }));

/**
 * The supervisor's analytics for a window: figures overall and by queue, category, language and
 * agent, a series per bucket and incidents over time, all from PostgreSQL.
 */
export class AnalyticsService {
  constructor(private readonly deps: AnalyticsDeps) {}

  async report(query: AnalyticsQuery): Promise<AnalyticsReply> {
    const { repository, serviceLevelTargetSeconds: target } = this.deps;
    const window = analyticsWindow(query, this.deps.maxRangeDays);
    const bounds = await repository.bounds(window, new Date(this.deps.now()));
    const [contacts, sessions, series, incidents] = await Promise.all([
      repository.contactGroups(bounds, target),
      repository.sessionGroups(bounds),
      repository.contactSeries(bounds, target),
      repository.incidentSeries(bounds),
    ]);
    const groups: Group[] = [...contacts, ...sessions];
    const policy = this.deps.policy();
    return {
      window: {
        kind: window.kind,
        from: bounds.from.toISOString(),
        to: bounds.to.toISOString(),
        tz: window.tz,
        bucket: window.bucket,
        serviceLevelTargetSeconds: target,
      },
      overall: metricsOf(totalOf(groups)),
      queueSource: policy ? 'policy' : 'category',
      breakdown: {
        queue: rows(groups, (g) => (policy ? queueName(policy, g) : g.category)),
        category: rows(groups, (g) => g.category),
        language: rows(groups, (g) => g.language),
        agent: await this.agentRows(groups),
      },
      series: series.map(({ start, ...sums }) => {
        const m = metricsOf(totalOf([sums]));
        return {
          start: start.toISOString(),
          offered: m.offered,
          answered: m.answered,
          abandoned: m.abandoned,
          serviceLevel: m.serviceLevel,
          asaSeconds: m.asaSeconds,
        };
      }),
      incidents: incidents.map((point) => ({ ...point, start: point.start.toISOString() })),
    };
  }

  /** Agents who answered or finished a session in the window; a deleted agent keeps its id as name. */
  private async agentRows(groups: readonly Group[]): Promise<AgentRow[]> {
    const served = groups.filter((g) => g.agentId !== null);
    const rolled = rollUp(served, (g) => g.agentId!);
    const names = await this.deps.agents.namesOf(rolled.map((r) => r.key));
    return rolled
      .map(({ key, sums }) => {
        const m = metricsOf(sums);
        return {
          agentId: key,
          name: names.get(key) ?? key,
          answered: m.answered,
          asaSeconds: m.asaSeconds,
          handled: m.handled,
          ahtSeconds: m.ahtSeconds,
          csat: m.csat,
        };
      })
      .sort((a, b) => b.handled - a.handled || b.answered - a.answered || a.name.localeCompare(b.name));
  }
}

/**
 * The queue a case would join under the policy in force now, from what its record keeps (tier,
 * category, language, channel). A policy changed since puts old cases in its new queues.
 */
function queueName(policy: ValidPolicy, group: GroupKey): string {
  const subject = {
    tier: group.tier as Tier,
    category: group.category,
    language: group.language,
    channel: group.channel as Channel,
  };
  return routeFor(subject, policy).queue.name;
}
