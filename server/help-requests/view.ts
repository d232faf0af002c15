import type { Static } from '@sinclair/typebox';
import type { QueueSnapshot } from '../routing/QueuePositions.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { HelpRequestView } from '../../core/protocol/helpRequests.js';
import { clipOf } from '../video/clip.js';

export function toHelpRequestView({
  record,
  queue,
}: {
  record: RequestRecord;
  queue: QueueSnapshot | null;
}): Static<typeof HelpRequestView> {
  return {
    id: record.id,
    state: record.state,
    channel: record.channel,
    media: record.media,
    language: record.language,
    category: record.category,
    text: record.text,
    tier: record.tier,
    urgency: {
      score: record.score,
      level: record.level,
      reasons: record.reasons,
      category: record.category,
      sentiment: record.sentiment,
    },
    transcript: record.transcript,
    // A video clip is the recorded message too; clients see it as `video`, never as a voice message.
    voice: record.video ? undefined : record.voice,
    video: clipOf(record),
    stream: record.stream,
    createdAt: new Date(record.createdAt).toISOString(),
    position: queue?.position,
    etaSeconds: queue?.etaSeconds,
    noAgentOnline: queue?.noAgentOnline,
    sessionId: record.sessionId,
    ...(record.handoffReason && { handoffReason: record.handoffReason }),
    ...(record.statedLanguage && { statedLanguage: record.statedLanguage }),
  };
}
