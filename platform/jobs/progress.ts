import type { EventBus } from '../bus/EventBus.js';
import type { RequestRecord } from '../stores/records.js';
import type { ServerFrame } from '../../core/protocol/frames.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';

type Progress = Extract<ServerFrame, { type: 'voice.progress' }>;

/** What a reconnecting user or agent should be told of the voice message now, if there is one. */
export function currentVoiceProgress(record: RequestRecord): Progress | null {
  const transcript = record.transcript?.status;
  if (!record.voice || !transcript) return null;
  const base = { type: 'voice.progress' as const, requestId: record.id };
  if (record.scoredAt === undefined || transcript === 'pending')
    return { ...base, status: 'transcribing', transcript: 'pending' };
  const { score, level, category, reasons } = record;
  return {
    ...base,
    status: 'scored',
    transcript,
    urgency: { score, level, category: category as CategoryName, reasons },
  };
}

/** Tells the user, and the agent offered or serving the request, how its voice message is doing. */
export async function publishVoiceProgress(
  bus: EventBus,
  record: RequestRecord,
  progress: Omit<Progress, 'type' | 'requestId'>,
) {
  const frame: Progress = { type: 'voice.progress', requestId: record.id, ...progress };
  const sends = [bus.publish({ t: 'request', requestId: record.id, frame })];
  for (const agentId of new Set([record.offerAgentId, record.agentId]))
    if (agentId) sends.push(bus.publish({ t: 'agent', agentId, frame }));
  await Promise.all(sends);
}
