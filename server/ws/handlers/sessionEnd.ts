import { agentIdOf, type FrameHandler } from './types.js';

export const sessionEnd: FrameHandler<'session.end'> = {
  type: 'session.end',
  roles: ['agent'],
  async handle({ lifeline, principal }, frame) {
    await lifeline.wrapUps.endSession(agentIdOf(principal), frame.sessionId, {
      outcome: frame.outcome,
      note: frame.note,
      followUpInMinutes: frame.followUpInMinutes,
    });
    return { type: 'ack' };
  },
};
