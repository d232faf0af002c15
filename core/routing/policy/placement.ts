import { GENERAL_CATEGORY } from '../../protocol/vocabulary.js';
import { primaryLanguage } from '../eligibility.js';
import type { Eligibility } from './eligibleAgents.js';
import { eligibilityAt, queueEligibility } from './escalation.js';
import type { RoutingReason } from './reasons.js';
import type { RouteSubject } from './route.js';
import type { PolicyQueue } from './schema.js';
import type { ValidPolicy } from './validate.js';

/**
 * Where a waiting request sits in the route indexes, and when its queue must look at it again.
 * Agents are indexed by every language they speak × every skill they have (and `general`, which
 * every agent serves), so an eligibility becomes index entries: one per accepted language × each
 * skill of the first group, or `general` when any skill will do. Further groups (a queue asking
 * for two skills at once) cannot be one index key; the dispatch script checks them per agent.
 */
export interface Placement {
  /** `<language>:<skill>` index entries, the first being the request's own. */
  routes: string[];
  /** Set only when more than one skill group must hold. */
  skillGroups?: string[][];
  queue?: string;
  priorityBoost: number;
  reasons: RoutingReason[];
  /** When (ms since the epoch) the request's queue must decide again; absent: never. */
  stepDueAt?: number;
  /** The latest step in force that alerts a supervisor. */
  alertStep: number | null;
}

export function routesOf(eligibility: Eligibility): string[] {
  const skills = eligibility.skillGroups[0] ?? [GENERAL_CATEGORY];
  return eligibility.languages.flatMap((language) => skills.map((skill) => `${language}:${skill}`));
}

const groupsBeyondFirst = (eligibility: Eligibility) =>
  eligibility.skillGroups.length > 1 ? eligibility.skillGroups.map((group) => [...group]) : undefined;

/** Without a policy: the request's language and category, as routing has always done. */
export function plainPlacement(subject: Pick<RouteSubject, 'language' | 'category'>): Placement {
  const skills = subject.category === GENERAL_CATEGORY ? [] : [[subject.category]];
  return {
    routes: routesOf({ languages: [primaryLanguage(subject.language)], skillGroups: skills }),
    priorityBoost: 0,
    reasons: [],
    alertStep: null,
  };
}

const firstStepSeconds = (queue: PolicyQueue) => queue.escalation?.[0]?.afterSeconds;

/**
 * A request joining (or rejoining) the line: its queue's own eligibility, no step applied yet.
 * Its first step is due at `createdAt` plus the step's wait, so one restored long after it was
 * made is decided again at once.
 */
export function initialPlacement(
  policy: ValidPolicy | null,
  subject: RouteSubject,
  createdAt: number,
): Placement {
  if (!policy) return plainPlacement(subject);
  const { queue, eligibility } = queueEligibility(policy, subject);
  const first = firstStepSeconds(queue);
  return {
    routes: routesOf(eligibility),
    ...(groupsBeyondFirst(eligibility) && { skillGroups: groupsBeyondFirst(eligibility) }),
    queue: queue.name,
    priorityBoost: 0,
    reasons: [],
    alertStep: null,
    ...(first !== undefined && { stepDueAt: createdAt + first * 1000 }),
  };
}

/** Whether a `none_eligible_online` step has come due: its outcome changes with who is online. */
function dependsOnPresence(queue: PolicyQueue, waitedSeconds: number): boolean {
  return (queue.escalation ?? []).some(
    (step) => step.when === 'none_eligible_online' && step.afterSeconds <= waitedSeconds,
  );
}

/**
 * The request's placement after waiting until `now`, given how many agents online could serve it
 * unwidened. It is looked at again when its next step comes due and, while a step that depends on
 * who is online has come due, at least every `recheckMs`, so a request widened for want of
 * specialists narrows back once one comes online (and one not widened because a specialist was
 * online widens once they leave).
 */
export function placementAt(
  policy: ValidPolicy,
  subject: RouteSubject,
  timing: { createdAt: number; now: number; recheckMs: number },
  eligibleAgentsOnline: number,
): Placement {
  const waitedSeconds = Math.max(0, (timing.now - timing.createdAt) / 1000);
  const decision = eligibilityAt(policy, subject, waitedSeconds, eligibleAgentsOnline);
  const { queue } = queueEligibility(policy, subject);
  const dues: number[] = [];
  if (decision.nextStepAfterSeconds !== null)
    dues.push(timing.createdAt + decision.nextStepAfterSeconds * 1000);
  if (dependsOnPresence(queue, waitedSeconds)) dues.push(timing.now + timing.recheckMs);
  return {
    routes: routesOf(decision),
    ...(groupsBeyondFirst(decision) && { skillGroups: groupsBeyondFirst(decision) }),
    queue: decision.queue,
    priorityBoost: decision.priorityBoost,
    reasons: decision.reasons,
    alertStep: decision.alertStep,
    ...(dues.length > 0 && { stepDueAt: Math.min(...dues) }),
  };
}

/** Reason codes in `after` that `before` lacked: what to count once, when a step first applies. */
export function newReasonCodes(before: readonly RoutingReason[], after: readonly RoutingReason[]): string[] {
  const had = new Set(before.map((reason) => reason.code));
  return after.map((reason) => reason.code).filter((code) => !had.has(code));
}
