import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { OfferedRequest } from '../../core/protocol/frames.js';
import type { RequestRecord } from '../../platform/stores/records.js';

/** What an agent sees of a request in an offer: enough to decide, nothing about who the user is. */
export function toOfferedRequest(record: RequestRecord, now: number): OfferedRequest {
  return {
    id: record.id,
    channel: record.channel,
    media: record.media,
    language: record.language,
    category: record.category as CategoryName,
    text: record.text,
    urgency: {
      score: record.score,
      level: record.level,
      reasons: record.reasons,
      sentiment: record.sentiment,
    },
    stream: record.stream,
    tier: record.tier,
    waitedSeconds: Math.max(0, Math.round((now - record.createdAt) / 1000)),
    createdAt: record.createdAt,
    ...(record.policyQueue && { queue: record.policyQueue }),
    ...(record.routingReasons.length > 0 && { routingReasons: record.routingReasons }),
    ...(record.handoffReason && { handoffReason: record.handoffReason }),
    ...(record.statedLanguage && { statedLanguage: record.statedLanguage }),
    ...(record.transfer && { transfer: record.transfer }),
  };
}
