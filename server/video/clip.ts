import type { VideoClip } from '../../core/protocol/helpRequests.js';
import type { RequestRecord } from '../../platform/stores/records.js';

/** The request's clip as clients see it, if its recorded message is a video. */
export function clipOf(record: RequestRecord): VideoClip | undefined {
  if (!record.voice || !record.video) return undefined;
  return { ...record.voice, ...record.video };
}
