import { hasSkillFor, speaksLanguage, type AgentSkills } from '../eligibility.js';

/** Who may serve a request at a given moment of its wait. */
export interface Eligibility {
  /** Primary language subtags; the agent must speak one of them. */
  languages: readonly string[];
  /** Each group must be met by one of the agent's skills; no groups at all means any skill. */
  skillGroups: readonly (readonly string[])[];
}

/**
 * `canTake`'s language and skill rules (`speaksLanguage`, `hasSkillFor`) over a widened
 * eligibility; they read only these two fields, so an agent's presence record is enough to count it.
 */
export function meetsEligibility(agent: AgentSkills, eligibility: Eligibility): boolean {
  return (
    eligibility.languages.some((language) => speaksLanguage(agent, language)) &&
    eligibility.skillGroups.every((group) => group.some((skill) => hasSkillFor(agent, skill)))
  );
}

/** How many of these agents (the online ones, say) meet the eligibility, whatever their load. */
export function countEligible(agents: readonly AgentSkills[], eligibility: Eligibility): number {
  return agents.reduce((count, agent) => count + (meetsEligibility(agent, eligibility) ? 1 : 0), 0);
}
