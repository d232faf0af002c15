import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { HistoryStore } from '../stores/HistoryStore.js';
import type { Tier } from '../../core/protocol/vocabulary.js';
import type { Urgency, UrgencyScorer } from '../../core/urgency/types.js';
import type { Incidents } from './Incidents.js';

export interface Assessment {
  requestId: string;
  userId: string;
  tier: Tier;
  text?: string;
  language?: string;
  categoryHint?: CategoryName;
  createdAt: number;
}

/** The verdict, with the incidents the request joined: its case is linked to them once written. */
export interface AssessedUrgency extends Urgency {
  incidentIds: string[];
}

/**
 * Urgency with everything beyond the words: the user's earlier requests about the same category
 * within the repeat window, and whether many users report the same harm right now.
 */
export class UrgencyService {
  constructor(
    private readonly scorer: UrgencyScorer,
    private readonly history: Pick<HistoryStore, 'userRequestsSince'>,
    private readonly incidents: Incidents,
    private readonly settings: { repeatWindowMs: number },
  ) {}

  async assess(request: Assessment): Promise<AssessedUrgency> {
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
    const { keyword: incident, incidentIds } =
      first.keywords.length > 0
        ? await this.incidents.report(first.keywords, {
            requestId: request.requestId,
            userId: request.userId,
            at: request.createdAt,
          })
        : { keyword: undefined, incidentIds: [] };
    if (repeatContacts === 0 && !incident) return { ...first, incidentIds };
    return { ...this.scorer({ ...input, repeatContacts, incident }), incidentIds };
  }

  /** Links a case written after it was assessed to the incidents its report joined. */
  linkCase(caseId: string, urgency: AssessedUrgency, at: number): Promise<void> {
    return this.incidents.linkCase(caseId, urgency.incidentIds, at);
  }
}
