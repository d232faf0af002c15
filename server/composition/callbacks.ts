import type { MediaPlane } from '../../media/MediaPlane.js';
import { CallbackService } from '../callbacks/CallbackService.js';
import { ReadyFrames } from '../sessions/ReadyFrames.js';
import type { Foundation } from './foundation.js';

/** Callbacks: the user's choice, reaching them when an agent takes the case, and the retry and miss. */
export function composeCallbacks(
  { deps, agents, systemLines, callbackStore, notifier }: Foundation,
  media: MediaPlane,
) {
  return new CallbackService({
    routing: deps,
    store: callbackStore,
    notifier,
    lines: systemLines,
    ready: new ReadyFrames(deps, media, agents),
    media,
  });
}
