import { GENERAL_CATEGORY } from '../../protocol/vocabulary.js';
import { primaryLanguage } from '../eligibility.js';
import type { Eligibility } from './eligibleAgents.js';
import type { RoutingReason } from './reasons.js';
import { routeFor, type RouteSubject } from './route.js';
import type { EscalationStep, PolicyQueue } from './schema.js';
import type { ValidPolicy } from './validate.js';

/**
 * How a queue escalates while a request waits. Everything follows from the wait and from whether
 * anyone online could serve the request as the queue first asks: no clock, no memory of earlier
 * calls. A specialist coming online therefore narrows a widened request back to specialists.
 */

export interface StepState {
  /** Indices into `queue.escalation` of the steps in force, in order. */
  steps: number[];
  priorityBoost: number;
  alertSupervisor: boolean;
  /** The latest step in force that alerts, so a caller alerts once per step, not once per look. */
  alertStep: number | null;
  /** The wait (s) at which the next step comes due; null when none is left. */
  nextStepAfterSeconds: number | null;
}

export interface EligibilityDecision extends Eligibility {
  queue: string;
  priorityBoost: number;
  reasons: RoutingReason[];
  alertSupervisor: boolean;
  alertStep: number | null;
  nextStepAfterSeconds: number | null;
}

const inForce = (step: EscalationStep, waitedSeconds: number, eligibleAgentsOnline: number) =>
  waitedSeconds >= step.afterSeconds && (step.when === 'still_waiting' || eligibleAgentsOnline === 0);

/** The queue's steps in force after `waitedSeconds`, with `eligibleAgentsOnline` able to serve it unwidened. */
export function stepAt(queue: PolicyQueue, waitedSeconds: number, eligibleAgentsOnline: number): StepState {
  const state: StepState = {
    steps: [],
    priorityBoost: 0,
    alertSupervisor: false,
    alertStep: null,
    nextStepAfterSeconds: null,
  };
  (queue.escalation ?? []).forEach((step, index) => {
    if (waitedSeconds < step.afterSeconds) {
      state.nextStepAfterSeconds ??= step.afterSeconds;
      return;
    }
    if (!inForce(step, waitedSeconds, eligibleAgentsOnline)) return;
    state.steps.push(index);
    if (step.action === 'raise_priority') state.priorityBoost += step.points;
    if (step.alertSupervisor) {
      state.alertSupervisor = true;
      state.alertStep = index;
    }
  });
  return state;
}

/** Who may serve the request before any step: its language, and the queue's skills or its category. */
export function queueEligibility(
  policy: ValidPolicy,
  subject: RouteSubject,
): { queue: PolicyQueue; eligibility: Eligibility } {
  const { queue } = routeFor(subject, policy);
  const skills = (queue.requiredSkills ?? [subject.category]).filter((skill) => skill !== GENERAL_CATEGORY);
  return {
    queue,
    eligibility: {
      languages: [primaryLanguage(subject.language)],
      skillGroups: skills.map((skill) => [skill]),
    },
  };
}

interface Widening {
  languages: string[];
  skillGroups: string[][];
  reasons: RoutingReason[];
}

function applyStep(into: Widening, step: EscalationStep, policy: ValidPolicy, requested: string): void {
  const afterSeconds = step.afterSeconds;
  const required = into.skillGroups.map((group) => group[0]!);
  if (step.action === 'widen_to_neighbour_skills') {
    const added = new Set<string>();
    into.skillGroups = into.skillGroups.map((group) => {
      const more = (policy.neighbours[group[0]!] ?? []).filter((skill) => !group.includes(skill));
      more.forEach((skill) => added.add(skill));
      return [...group, ...more];
    });
    if (added.size > 0)
      into.reasons.push({
        code: 'widened:neighbour_skill',
        params: { afterSeconds, required, added: [...added] },
      });
  } else if (step.action === 'widen_to_any_skill' && into.skillGroups.length > 0) {
    into.skillGroups = [];
    into.reasons.push({ code: 'widened:any_skill', params: { afterSeconds, required } });
  } else if (step.action === 'fallback_language') {
    const language = primaryLanguage(step.language);
    if (into.languages.includes(language)) return;
    into.languages.push(language);
    const note = step.note === undefined ? {} : { note: step.note };
    into.reasons.push({ code: 'fallback:language', params: { afterSeconds, requested, language, ...note } });
  } else if (step.action === 'raise_priority') {
    into.reasons.push({ code: 'escalated:priority', params: { afterSeconds, points: step.points } });
  }
}

/**
 * Who may serve the request after `waitedSeconds`, how much its priority has been raised, and the
 * reasons the agent who takes it sees. `eligibleAgentsOnline` counts the agents online who meet
 * `queueEligibility` (see `countEligible`), busy or not.
 */
export function eligibilityAt(
  policy: ValidPolicy,
  subject: RouteSubject,
  waitedSeconds: number,
  eligibleAgentsOnline: number,
): EligibilityDecision {
  const { queue, eligibility } = queueEligibility(policy, subject);
  const state = stepAt(queue, waitedSeconds, eligibleAgentsOnline);
  const requested = eligibility.languages[0]!;
  const widening: Widening = {
    languages: [...eligibility.languages],
    skillGroups: eligibility.skillGroups.map((group) => [...group]),
    reasons: [],
  };
  for (const index of state.steps) {
    const step = queue.escalation![index]!;
    applyStep(widening, step, policy, requested);
    if (step.alertSupervisor)
      widening.reasons.push({ code: 'escalated:supervisor', params: { afterSeconds: step.afterSeconds } });
  }
  const { steps: _steps, ...rest } = state;
  return { queue: queue.name, ...rest, ...widening };
}
