import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { VoiceJobs } from '../../platform/jobs/queues.js';
import type { BlobStore } from '../../platform/storage/BlobStore.js';
import type { ConversationService } from '../conversations/ConversationService.js';

/** A request still open for a recording: waiting, being offered, or with an agent. */
export const OPEN_STATES = new Set(['assistant', 'queued', 'offered', 'assigned']);

/** What a recorded message's service needs (voice and video alike), with its own request store. */
export interface RecordingDeps<Requests> {
  requests: Requests;
  blobs: BlobStore;
  jobs: Pick<VoiceJobs, 'enqueue'>;
  bus: EventBus;
  conversations: Pick<ConversationService, 'attach' | 'assertParticipant'>;
  limits: { maxSeconds: number };
  log: FastifyBaseLogger;
}
