import { videoBlobKey, videoThumbnailKey, voiceBlobKey } from '../../platform/jobs/queues.js';
import type { BlobStore } from '../../platform/storage/BlobStore.js';
import type { RoutingDeps } from '../routing/deps.js';
import type { HelpRequestService } from './HelpRequestService.js';

/** How many of one user's cases one erasure handles; a user with more is erased in several calls. */
const MAX_CASES = 10_000;

/**
 * Erases one platform user's personal data everywhere: open requests are closed first (their
 * agent and sockets are told), then the hot copies in Redis, the voice and video blobs (with
 * thumbnails), and the cases, conversations, calls and profile in PostgreSQL (the cases' tasks,
 * transcripts and incident links go with them, by cascade).
 */
export class UserErasure {
  constructor(
    private readonly deps: Pick<RoutingDeps, 'cases' | 'queue' | 'history' | 'log'>,
    private readonly requests: Pick<HelpRequestService, 'closeForErasure'>,
    private readonly blobs: BlobStore,
  ) {}

  async erase(userId: string): Promise<{ erasedCases: number }> {
    const ids = (await this.deps.cases.casesOf(userId, MAX_CASES)).map((row) => row.id);
    for (const id of ids) {
      const record = await this.deps.queue.getRequest(id);
      if (record && ['assistant', 'queued', 'offered', 'assigned'].includes(record.state))
        await this.requests.closeForErasure(id);
    }
    await this.deps.queue.forget(ids);
    await this.deps.history.forgetUser(userId);
    for (const id of ids)
      for (const key of [voiceBlobKey(id), videoBlobKey(id), videoThumbnailKey(id)])
        await this.blobs.delete(key).catch(() => undefined);
    const erasedCases = await this.deps.cases.eraseUser(userId);
    this.deps.log.info({ erasedCases }, 'user erased');
    return { erasedCases };
  }
}
