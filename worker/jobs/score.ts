import type { Job } from 'bullmq';
import type { EventBus } from '../../platform/bus/EventBus.js';
import { queueRank } from '../../core/routing/priority.js';
import type { VoiceRequests } from '../../platform/stores/QueueStore.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { CaseRepository } from '../../platform/db/CaseRepository.js';
import type { TranscriptRepository } from '../../platform/db/TranscriptRepository.js';
import type { UrgencyService } from '../../platform/urgency/UrgencyService.js';
import type { VoiceJobData } from '../../platform/jobs/queues.js';
import { publishVoiceProgress } from '../../platform/jobs/progress.js';

export interface ScoreDeps {
  cases: Pick<CaseRepository, 'rescored'>;
  transcripts: Pick<TranscriptRepository, 'save'>;
  /** A database write that failed after Redis took the change: logged, never fails the job. */
  onRecordFailure: (error: unknown) => void;
  requests: VoiceRequests;
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
  const record = await deps.requests.getRequest(requestId);
  if (!record) return { state: 'gone' };
  const transcribed = record.transcript?.status === 'done';
  if (!transcribed) await deps.requests.setTranscript(requestId, { status: 'failed' });
  // The settled transcript goes to the system of record: Redis may be rebuilt without it.
  await deps.transcripts
    .save(requestId, transcribed ? record.transcript! : { status: 'failed' }, Date.now())
    .catch((error: unknown) => deps.onRecordFailure(error));
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
  const rank = queueRank(urgency.score, record.createdAt, deps.agingPointsPerMinute);
  const state = await deps.requests.rescore(requestId, rank, urgency, Date.now());
  // The system of record keeps the new urgency, so a rebuilt queue ranks the case the same way.
  const { score: newScore, level: newLevel, category: newCategory } = urgency;
  await deps.cases
    .rescored(requestId, { score: newScore, level: newLevel, category: newCategory, rank })
    .catch((error: unknown) => deps.onRecordFailure(error));
  await deps.bus.publish({ t: 'queue-changed' });
  if (state === 'queued') await deps.bus.publish({ t: 'dispatch', requestId });
  const { score, level, category, reasons } = urgency;
  await publishVoiceProgress(deps.bus, record, {
    status: 'scored',
    transcript: transcribed ? 'done' : 'failed',
    urgency: { score, level, category, reasons },
  });
  return { state, level, score };
}
