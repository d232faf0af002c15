import type { EventBus } from '../bus/EventBus.js';
import type { RequestRecord } from '../stores/records.js';
import type { ServerFrame } from '../../core/protocol/frames.js';

type Progress = Extract<ServerFrame, { type: 'voice.progress' }>;

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
