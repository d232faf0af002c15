import { agentIdOf, type FrameHandler } from './types.js';

export const offerDecline: FrameHandler<'offer.decline'> = {
  type: 'offer.decline',
  roles: ['agent'],
  async handle({ lifeline, principal }, frame) {
    await lifeline.offers.decline(agentIdOf(principal), frame.offerId);
    return { type: 'ack' };
  },
};
