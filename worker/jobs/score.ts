import type { Job } from 'bullmq';
import type { EventBus } from '../../server/bus/EventBus.js';
import { queueRank } from '../../server/routing/core/priority.js';
import type { RoutingStore } from '../../server/routing/store/RoutingStore.js';
import type { CategoryName } from '../../server/schemas/domain.js';
import type { UrgencyService } from '../../server/urgency/UrgencyService.js';
import type { VoiceJobData } from '../queues.js';
import { publishVoiceProgress } from './progress.js';

export interface ScoreDeps {
  store: RoutingStore;
  urgency: UrgencyService;
  bus: EventBus;
  agingPointsPerMinute: number;
}

/**
 * Scores the request from everything known: its typed text and, if transcription succeeded, the
 * transcript. Runs even when transcription failed; the agent then sees "transcript unavailable".
 */
export async function scoreVoiceRequest(job: Job<VoiceJobData>, deps: ScoreDeps) {
  const { requestId } = job.data;
  const record = await deps.store.getRequest(requestId);
  if (!record) return { state: 'gone' };
  const transcribed = record.transcript?.status === 'done';
  if (!transcribed) await deps.store.setTranscript(requestId, { status: 'failed' });
  const text = [record.text, transcribed ? record.transcript?.text : undefined].filter(Boolean).join('\n');
  const urgency = await deps.urgency.assess({
    requestId,
    userId: record.userId,
    tier: record.tier,
    text,
    language: record.transcript?.language ?? record.language,
    categoryHint: record.category as CategoryName,
    createdAt: record.createdAt,
  });
  const state = await deps.store.rescore(
    requestId,
    queueRank(urgency.score, record.createdAt, deps.agingPointsPerMinute),
    urgency,
  );
  await deps.bus.publish({ t: 'queue-changed' });
  await deps.bus.publish({ t: 'dispatch' });
  const { score, level, category, reasons } = urgency;
  await publishVoiceProgress(deps.bus, record, {
    status: 'scored',
    transcript: transcribed ? 'done' : 'failed',
    urgency: { score, level, category, reasons },
  });
  return { state, level, score };
}
