import type { CategoryName } from '../../server/schemas/domain.js';

export type Tier = 'regular' | 'creator' | 'brand' | 'advertiser';
export type Level = 'critical' | 'high' | 'normal' | 'low';

/** Everything the scorer may use. Tier comes from the verified identity, never the request body. */
export interface UrgencyInput {
  text?: string;
  language?: string;
  /** The user's own pick; a hint for routing, never a source of extra priority. */
  categoryHint?: CategoryName;
  tier: Tier;
  /** Earlier contacts by the same user about the same category within the repeat window. */
  repeatContacts: number;
}

export interface Urgency {
  category: CategoryName;
  level: Level;
  score: number;
  reasons: string[];
}

export type UrgencyScorer = (input: UrgencyInput) => Urgency;
