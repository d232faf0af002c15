import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { HistoryStore } from '../stores/HistoryStore.js';
import type { Tier } from '../../core/protocol/vocabulary.js';
import type { Urgency, UrgencyScorer } from '../../core/urgency/types.js';
import type { IncidentTracker } from './IncidentTracker.js';

export interface Assessment {
  requestId: string;
  userId: string;
  tier: Tier;
  text?: string;
  language?: string;
  categoryHint?: CategoryName;
  createdAt: number;
}

/**
 * Urgency with everything beyond the words: the user's earlier requests about the same category
 * within the repeat window, and whether many users report the same harm right now.
 */
export class UrgencyService {
  constructor(
    private readonly scorer: UrgencyScorer,
    private readonly history: Pick<HistoryStore, 'userRequestsSince'>,
    private readonly incidents: IncidentTracker,
    private readonly settings: { repeatWindowMs: number },
  ) {}

  async assess(request: Assessment): Promise<Urgency> {
    const input = {
      text: request.text,
      language: request.language,
      categoryHint: request.categoryHint,
      tier: request.tier,
    };
    const first = this.scorer({ ...input, repeatContacts: 0 });
    const earlier = await this.history.userRequestsSince(
      request.userId,
      request.createdAt - this.settings.repeatWindowMs,
    );
    const repeatContacts = earlier.filter(
      (r) => r.id !== request.requestId && r.category === first.category,
    ).length;
    const incident =
      first.keywords.length > 0
        ? await this.incidents.observe(first.keywords, request.userId, request.createdAt)
        : undefined;
    if (repeatContacts === 0 && !incident) return first;
    return this.scorer({ ...input, repeatContacts, incident });
  }
}
