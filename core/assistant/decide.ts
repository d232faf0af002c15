import type { KbHit } from '../protocol/kb.js';
import type { HandoffReason, Tier, UrgencyLevel } from '../protocol/vocabulary.js';

export type { HandoffReason } from '../protocol/vocabulary.js';
import { primaryLanguage } from '../routing/eligibility.js';
import { asksForHuman } from './askForHuman.js';

export type AssistantDecision =
  { kind: 'answer'; articles: KbHit[] } | { kind: 'handoff'; reason: HandoffReason };

export interface AssistantSettings {
  /** The least full-text score (0–1) the best article needs for the assistant to answer. */
  minScore: number;
  /** Articles quoted in one answer at most. */
  maxArticles: number;
  /** Languages the knowledge base is written in. */
  languages: readonly string[];
}

/** What the evaluation measured (see kb-eval): a bar that answers most questions and hands over weak matches. */
export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = {
  minScore: 0.7,
  maxArticles: 3,
  languages: ['en', 'zh'],
};

export interface FirstContact {
  text: string;
  language: string;
  level: UrgencyLevel;
  tier: Tier;
  /** Search results for the text, best first. */
  hits: readonly KbHit[];
}

/** A creator's or brand's high-urgency case goes straight to a person, as a critical one does. */
export const urgent = (level: UrgencyLevel, tier: Tier) =>
  level === 'critical' || (level === 'high' && (tier === 'creator' || tier === 'brand'));

/**
 * The assistant's first move on a message: answer from the knowledge base, or step aside. It
 * never stands between a user and a person when it matters: urgency and a request for a person
 * come before any article, and a weak match is a handoff, not a guess.
 */
export function decideFirstReply(contact: FirstContact, settings: AssistantSettings): AssistantDecision {
  if (urgent(contact.level, contact.tier)) return { kind: 'handoff', reason: 'urgent' };
  if (asksForHuman(contact.text)) return { kind: 'handoff', reason: 'asked_for_human' };
  if (!settings.languages.includes(primaryLanguage(contact.language)))
    return { kind: 'handoff', reason: 'language_not_supported' };
  const best = contact.hits[0];
  if (!best || best.score < settings.minScore) return { kind: 'handoff', reason: 'no_confident_match' };
  const close = contact.hits.filter((hit) => hit.score >= settings.minScore);
  return { kind: 'answer', articles: close.slice(0, settings.maxArticles) };
}

/**
 * A user's later line while the assistant holds the case: urgency and a request for a person hand
 * over as at first; otherwise the assistant answers again only with articles it has not given yet.
 */
export function decideNextReply(
  contact: FirstContact,
  shownArticleIds: readonly string[],
  settings: AssistantSettings,
): AssistantDecision {
  const shown = new Set(shownArticleIds);
  return decideFirstReply({ ...contact, hits: contact.hits.filter((hit) => !shown.has(hit.id)) }, settings);
}

/** After an answer: a second "it did not help" hands over (the first gets another try). */
export function decideAfterNotHelped(timesNotHelped: number): AssistantDecision | null {
  return timesNotHelped >= 2 ? { kind: 'handoff', reason: 'not_helped_twice' } : null;
}
