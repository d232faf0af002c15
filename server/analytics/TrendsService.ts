import {
  daysBetween,
  FILLER_WORDS,
  HAN_FILLER,
  trendsOf,
  type RisingRule,
} from '../../core/analytics/trends.js';
import { analyticsWindow } from '../../core/analytics/window.js';
import type { TrendsQuery, TrendsReply } from '../../core/protocol/analytics.js';
import type { AnalyticsRepository } from '../../platform/db/AnalyticsRepository.js';
import type { DayTotal, TrendsRepository } from '../../platform/db/TrendsRepository.js';

export interface TrendsDeps {
  bounds: Pick<AnalyticsRepository, 'bounds'>;
  trends: TrendsRepository;
  rule: RisingRule;
  maxRangeDays: number;
}

const DEFAULT_TOP = 10;
const byDay = (totals: readonly DayTotal[]) => new Map(totals.map((t) => [t.day, t.cases]));

/** Keywords and topics per day over a range of local days, and what rose on its last day. */
export class TrendsService {
  constructor(private readonly deps: TrendsDeps) {}

  async report(query: TrendsQuery): Promise<TrendsReply> {
    const window = analyticsWindow({ window: 'range', ...query }, this.deps.maxRangeDays);
    const bounds = await this.deps.bounds.bounds(window, new Date());
    const top = query.top ?? DEFAULT_TOP;
    const { rule } = this.deps;
    const rows = await this.deps.trends.trends(
      { from: bounds.from, to: bounds.to, lastDay: bounds.starts[bounds.starts.length - 1]!, tz: window.tz },
      { top, minMentions: rule.minMentions, filler: FILLER_WORDS, hanFiller: HAN_FILLER },
    );
    const days = daysBetween(window.fromDate!, window.toDate!);
    const trends = trendsOf(
      days,
      {
        terms: rows.terms,
        textCases: byDay(rows.textCases),
        topics: rows.topics,
        openedCases: byDay(rows.openedCases),
      },
      top,
      rule,
    );
    return { from: window.fromDate!, to: window.toDate!, tz: window.tz, rule, ...trends };
  }
}
