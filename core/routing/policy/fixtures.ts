import type { EscalationStep } from './schema.js';
import { validatePolicy, type ValidPolicy } from './validate.js';

/**
 * Routing policies as plain data, shared by the policy and simulator tests. Each call returns a
 * fresh, mutable document, so a test can bend its copy, even into an invalid one, without
 * touching another test's.
 */
export type PolicyDraft = Record<string, unknown> & { queues: Record<string, unknown>[] };

/** A version 1 policy whose default queue is `standard`; the queues given must include it. */
export function policyDraft(
  queues: Record<string, unknown>[],
  skillNeighbours?: Record<string, string[]>,
): PolicyDraft {
  return { version: 1, defaultQueue: 'standard', ...(skillNeighbours && { skillNeighbours }), queues };
}

/** Creators' and brands' account-security cases, for agents with the account-security skill. */
export function vipSecurityQueue(escalation?: readonly object[]): Record<string, unknown> {
  return {
    name: 'vip-security',
    match: [{ tiers: ['creator', 'brand'], categories: ['account_security'] }],
    requiredSkills: ['account_security'],
    ...(escalation && { escalation: [...escalation] }),
  };
}

export interface LadderTimes {
  neighbourSkillsAt: number;
  anySkillAt: number;
  englishAt: number;
  /** Shown to the agent who takes a request on the English fallback. */
  englishNote?: string;
  priorityAt: number;
  priorityPoints: number;
}

/**
 * The usual escalation: while nobody eligible is online, neighbour skills, then any skill, then
 * English; and by time alone, more priority with a supervisor alert.
 */
export function wideningLadder(at: LadderTimes): EscalationStep[] {
  return [
    { afterSeconds: at.neighbourSkillsAt, when: 'none_eligible_online', action: 'widen_to_neighbour_skills' },
    { afterSeconds: at.anySkillAt, when: 'none_eligible_online', action: 'widen_to_any_skill' },
    {
      afterSeconds: at.englishAt,
      when: 'none_eligible_online',
      action: 'fallback_language',
      language: 'en',
      ...(at.englishNote !== undefined && { note: at.englishNote }),
    },
    {
      afterSeconds: at.priorityAt,
      when: 'still_waiting',
      action: 'raise_priority',
      points: at.priorityPoints,
      alertSupervisor: true,
    },
  ];
}

/** The policy, or an error listing every problem: a fixture that does not validate is a broken test. */
export function validPolicy(doc: unknown): ValidPolicy {
  const result = validatePolicy(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}
