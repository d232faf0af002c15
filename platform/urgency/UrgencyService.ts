import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { HistoryStore } from '../stores/HistoryStore.js';
import type { Tier } from '../../core/protocol/vocabulary.js';
import { withContactSignals } from '../../core/urgency/score.js';
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
  /** Not yet written: its creator links the new case to the incidents joined (default: written). */
  newCase?: boolean;
}

/** The verdict, with the incidents the request joined: a new case is linked to them as it is written. */
export interface AssessedUrgency extends Urgency {
  incidentIds: string[];
}

/**
 * Urgency with everything beyond the words: the user's earlier requests about the same category
 * within the repeat window, and whether many users report the same harm right now. The injected
 * scorer reads the words and the tier; those two signals are added by the core's
 * `withContactSignals`, as `scoreUrgency` itself adds them.
 */
export class UrgencyService {
  constructor(
    private readonly scorer: UrgencyScorer,
    private readonly history: Pick<HistoryStore, 'userRequestsSince'>,
    private readonly incidents: Incidents,
    private readonly settings: { repeatWindowMs: number },
  ) {}

  /**
   * The words are scored once; the user's earlier requests (by the verdict's category) and the
   * incidents its keywords join are then looked up side by side and added to that verdict.
   */
  async assess(request: Assessment): Promise<AssessedUrgency> {
    const fromText = this.scorer({
      text: request.text,
      language: request.language,
      categoryHint: request.categoryHint,
      tier: request.tier,
      repeatContacts: 0,
    });
    const [earlier, joined] = await Promise.all([
      this.history.userRequestsSince(request.userId, request.createdAt - this.settings.repeatWindowMs),
      fromText.keywords.length > 0
        ? this.incidents.report(fromText.keywords, {
            requestId: request.requestId,
            userId: request.userId,
            at: request.createdAt,
            caseWritten: !request.newCase,
          })
        : { keyword: undefined, incidentIds: [] },
    ]);
    const repeatContacts = earlier.filter(
      (r) => r.id !== request.requestId && r.category === fromText.category,
    ).length;
    const urgency = withContactSignals(fromText, { repeatContacts, incident: joined.keyword });
    return { ...urgency, incidentIds: joined.incidentIds };
  }
}
