import type { CategoryName, Sentiment, Tier, UrgencyLevel } from '../protocol/vocabulary.js';

/** Everything the scorer may use. Tier comes from the verified identity, never the request body. */
export interface UrgencyInput {
  text?: string;
  language?: string;
  /** The user's own pick; a hint for routing, never a source of extra priority. */
  categoryHint?: CategoryName;
  tier: Tier;
  /** Earlier contacts by the same user about the same category within the repeat window. */
  repeatContacts: number;
  /** The open incident (a burst of reports) this request belongs to, if any. */
  incident?: string;
}

export interface Urgency {
  category: CategoryName;
  level: UrgencyLevel;
  score: number;
  sentiment: Sentiment;
  reasons: string[];
  /** Harm terms found, for spotting bursts of the same problem across users. */
  keywords: string[];
}

export type UrgencyScorer = (input: UrgencyInput) => Urgency;
