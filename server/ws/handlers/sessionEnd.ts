import { agentIdOf, type FrameHandler } from './types.js';

export const sessionEnd: FrameHandler<'session.end'> = {
  type: 'session.end',
  roles: ['agent'],
  async handle({ lifeline, principal }, frame) {
    await lifeline.sessions.endByAgent(agentIdOf(principal), frame.sessionId, {
      outcome: frame.outcome,
      note: frame.note,
    });
    return { type: 'ack' };
  },
};
