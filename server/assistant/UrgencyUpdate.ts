import { URGENCY_LEVELS } from '../../core/protocol/vocabulary.js';
import type { CategoryName, UrgencyLevel } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { QueueStore } from '../../platform/stores/QueueStore.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { FastifyBaseLogger } from 'fastify';

/** URGENCY_LEVELS lists the most urgent first. */
const moreUrgent = (level: UrgencyLevel, than: UrgencyLevel) =>
  URGENCY_LEVELS.indexOf(level) < URGENCY_LEVELS.indexOf(than);

/**
 * A user's later line can make a held case urgent ("and now they are emptying my wallet"): it is
 * scored with what they first wrote, and a more urgent verdict replaces the case's, in the hot
 * state and the system of record, before the assistant decides. Urgency only ever rises here.
 */
export class UrgencyUpdate {
  constructor(
    private readonly deps: {
      urgency: Pick<UrgencyService, 'assess'>;
      queue: Pick<QueueStore, 'rescore'>;
      cases: Pick<CaseRepository, 'rescored'>;
      agingPointsPerMinute: number;
      now: () => number;
      log: FastifyBaseLogger;
    },
  ) {}

  async withLine(record: RequestRecord, line: string): Promise<RequestRecord> {
    const urgency = await this.deps.urgency.assess({
      requestId: record.id,
      userId: record.userId,
      tier: record.tier,
      text: [record.text, line].filter(Boolean).join('\n'),
      language: record.language,
      categoryHint: record.category as CategoryName,
      createdAt: record.createdAt,
    });
    if (!moreUrgent(urgency.level, record.level)) return record;
    const rank = queueRank(urgency.score, record.createdAt, this.deps.agingPointsPerMinute);
    await this.deps.queue.rescore(record.id, rank, urgency, this.deps.now());
    const { score, level, category } = urgency;
    await this.deps.cases.rescored(record.id, { score, level, category, rank }).catch((error: unknown) => {
      this.deps.log.warn({ err: error, requestId: record.id }, 'could not record the new urgency');
    });
    return { ...record, score, level, category, reasons: urgency.reasons, sentiment: urgency.sentiment };
  }
}
