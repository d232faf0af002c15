import { GENERAL_CATEGORY, type Channel, type Tier } from '../../protocol/vocabulary.js';
import { primaryLanguage, type AgentSkills } from '../eligibility.js';
import { countEligible, type Eligibility } from '../policy/eligibleAgents.js';
import { eligibilityAt, queueEligibility, type EligibilityDecision } from '../policy/escalation.js';
import type { RouteSubject } from '../policy/route.js';
import type { ValidPolicy } from '../policy/validate.js';

/** What a simulated class of requests looks like to routing; every field has a plain default. */
export interface SimRouteFields {
  language?: string;
  category?: string;
  tier?: Tier;
  channel?: Channel;
}

export function subjectOf(klass: SimRouteFields): RouteSubject {
  return {
    language: klass.language ?? 'en',
    category: klass.category ?? GENERAL_CATEGORY,
    tier: klass.tier ?? 'regular',
    channel: klass.channel ?? 'call',
  };
}

/** Without a policy: the request's own language and category, as `canTake` asks. */
export function plainEligibility(klass: SimRouteFields): Eligibility {
  const { language, category } = subjectOf(klass);
  return {
    languages: [primaryLanguage(language)],
    skillGroups: category === GENERAL_CATEGORY ? [] : [[category]],
  };
}

/**
 * Decisions for each class under a policy. Every simulated agent is online all the time, so the
 * count of agents who could serve a class unwidened is worked out once.
 */
export function policyDecider(
  policy: ValidPolicy,
  classes: readonly SimRouteFields[],
  agents: readonly AgentSkills[],
): (klass: number, waitedSeconds: number) => EligibilityDecision {
  const subjects = classes.map(subjectOf);
  const online = subjects.map((subject) =>
    countEligible(agents, queueEligibility(policy, subject).eligibility),
  );
  return (klass, waitedSeconds) => eligibilityAt(policy, subjects[klass]!, waitedSeconds, online[klass]!);
}
