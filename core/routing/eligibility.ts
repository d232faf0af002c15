import { GENERAL_CATEGORY } from '../protocol/vocabulary.js';
import type { AgentSnapshot, RoutingPolicy, WaitingRequest } from './types.js';

/** 'zh-Hans-CN' and 'zh' speak to the same agents: routing compares primary language subtags. */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The two fields the language and skill rules read, so an agent's presence record is enough. */
export type AgentSkills = Pick<AgentSnapshot, 'languages' | 'skills'>;

export function speaksLanguage(agent: AgentSkills, language: string): boolean {
  const wanted = primaryLanguage(language);
  return agent.languages.some((spoken) => primaryLanguage(spoken) === wanted);
}

/** The general category needs no skill. */
export function hasSkillFor(agent: AgentSkills, category: string): boolean {
  return category === GENERAL_CATEGORY || agent.skills.includes(category);
}

export function hasCapacity(agent: AgentSnapshot): boolean {
  return agent.load < agent.maxSessions;
}

export function recentlyDeclined(
  request: WaitingRequest,
  agentId: string,
  now: number,
  policy: RoutingPolicy,
): boolean {
  const declinedAt = request.declinedBy[agentId];
  return declinedAt !== undefined && now - declinedAt < policy.declineCooldownMs;
}

export function canTake(
  agent: AgentSnapshot,
  request: WaitingRequest,
  now: number,
  policy: RoutingPolicy,
): boolean {
  return (
    hasCapacity(agent) &&
    speaksLanguage(agent, request.language) &&
    hasSkillFor(agent, request.category) &&
    !recentlyDeclined(request, agent.id, now, policy)
  );
}
