import { agentIdOf, type FrameHandler } from './types.js';

/** The ack comes first; session.ready follows to both sides once the room exists. */
export const offerAccept: FrameHandler<'offer.accept'> = {
  type: 'offer.accept',
  roles: ['agent'],
  async handle({ lifeline, principal }, frame) {
    await lifeline.offers.accept(agentIdOf(principal), frame.offerId);
    return { type: 'ack' };
  },
};
