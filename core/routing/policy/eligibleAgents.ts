import { GENERAL_CATEGORY } from '../../protocol/vocabulary.js';
import { primaryLanguage } from '../eligibility.js';
import type { AgentSnapshot } from '../types.js';

/** Who may serve a request at a given moment of its wait. */
export interface Eligibility {
  /** Primary language subtags; the agent must speak one of them. */
  languages: readonly string[];
  /** Each group must be met by one of the agent's skills; no groups at all means any skill. */
  skillGroups: readonly (readonly string[])[];
}

export type AgentSkills = Pick<AgentSnapshot, 'languages' | 'skills'>;

/**
 * The same rules as `speaksLanguage` and `hasSkillFor` (primary subtags; general needs no skill),
 * over the two fields they read, so an agent's presence record is enough to count it.
 */
export function meetsEligibility(agent: AgentSkills, eligibility: Eligibility): boolean {
  const spoken = agent.languages.map(primaryLanguage);
  return (
    eligibility.languages.some((language) => spoken.includes(primaryLanguage(language))) &&
    eligibility.skillGroups.every((group) =>
      group.some((skill) => skill === GENERAL_CATEGORY || agent.skills.includes(skill)),
    )
  );
}

/** How many of these agents (the online ones, say) meet the eligibility, whatever their load. */
export function countEligible(agents: readonly AgentSkills[], eligibility: Eligibility): number {
  return agents.reduce((count, agent) => count + (meetsEligibility(agent, eligibility) ? 1 : 0), 0);
}
