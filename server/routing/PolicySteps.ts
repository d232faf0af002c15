import type { FastifyBaseLogger } from 'fastify';
import { countEligible } from '../../core/routing/policy/eligibleAgents.js';
import { queueEligibility } from '../../core/routing/policy/escalation.js';
import {
  newReasonCodes,
  placementAt,
  plainPlacement,
  type Placement,
} from '../../core/routing/policy/placement.js';
import type { ValidPolicy } from '../../core/routing/policy/validate.js';
import { queueRank } from '../../core/routing/priority.js';
import type { AgentSkills } from '../../core/routing/eligibility.js';
import type { DuePlacement, PlacementStore } from '../../platform/stores/PlacementStore.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { Dispatcher } from './Dispatcher.js';

/** How many due requests one sweep decides; the rest wait for the next sweep. */
const BATCH = 500;

export interface PolicyStepsDeps {
  placements: PlacementStore;
  policy: () => ValidPolicy | null;
  dispatcher: Pick<Dispatcher, 'requestWaiting'>;
  metrics: Pick<LifelineMetrics, 'routingReasons' | 'supervisorAlerts'>;
  now: () => number;
  settings: { agingPointsPerMinute: number; recheckMs: number };
  log: FastifyBaseLogger;
}

/**
 * Applies a routing policy's escalation steps as they come due: every instance sweeps the
 * requests due in Redis, decides each with the pure core from its wait and from who is online,
 * and applies the decision only if no other instance applied one first (see PLACE), so a reason
 * is counted and a supervisor alerted once. A request widened becomes visible to more agents at
 * once: it is dispatched again.
 */
export class PolicySteps {
  constructor(private readonly deps: PolicyStepsDeps) {}

  /** Returns how many requests were decided. */
  async runDue(): Promise<number> {
    const { placements, now } = this.deps;
    const at = now();
    const due = await placements.due(at, BATCH);
    if (due.length === 0) return 0;
    const policy = this.deps.policy();
    const online = policy ? await placements.onlineAgentSkills() : [];
    for (const request of due) await this.decide(request, policy, online, at);
    return due.length;
  }

  private async decide(
    request: DuePlacement,
    policy: ValidPolicy | null,
    online: AgentSkills[],
    now: number,
  ) {
    const { placements, settings } = this.deps;
    const placement = policy
      ? placementAt(
          policy,
          request.subject,
          { createdAt: request.createdAt, now, recheckMs: settings.recheckMs },
          countEligible(online, queueEligibility(policy, request.subject).eligibility),
        )
      : plainPlacement(request.subject);
    const rank = queueRank(
      request.score + placement.priorityBoost,
      request.createdAt,
      settings.agingPointsPerMinute,
    );
    const state = await placements.place(request.id, request.stepDueAt, rank, placement);
    if (state === 'MOVED' || state === 'GONE') return;
    await this.announce(request, placement, now);
    if (state === 'queued') this.deps.dispatcher.requestWaiting(request.id);
  }

  private async announce(request: DuePlacement, placement: Placement, now: number) {
    const { metrics, placements, log } = this.deps;
    const queue = placement.queue ?? '';
    for (const code of newReasonCodes(request.reasons, placement.reasons))
      metrics.routingReasons.inc({ code, queue });
    if (placement.alertStep === null || placement.alertStep === request.alertStep) return;
    metrics.supervisorAlerts.inc({ queue });
    const waitedSeconds = Math.round((now - request.createdAt) / 1000);
    log.warn({ requestId: request.id, queue, waitedSeconds }, 'routing policy alerts a supervisor');
    await placements.alert({
      requestId: request.id,
      queue,
      category: request.subject.category,
      language: request.subject.language,
      waitedSeconds,
      at: now,
      reasons: placement.reasons,
    });
  }
}
