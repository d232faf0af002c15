import { LifelineError } from '../../../core/errors/LifelineError.js';
import type { FrameHandler } from './types.js';

/** A line in a request's conversation; the ack comes once it is stored, the `message` frames after. */
export const message: FrameHandler<'message'> = {
  type: 'message',
  roles: ['agent', 'user'],
  async handle({ lifeline, principal }, frame) {
    const requestId = frame.requestId ?? (principal.kind === 'user' ? principal.requestId : undefined);
    if (!requestId) throw new LifelineError('LIFELINE_VALIDATION', '/requestId: agents name the request');
    await lifeline.conversations.post(principal, requestId, frame.body, frame.internal ?? false);
    return { type: 'ack' };
  },
};
