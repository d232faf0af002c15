import { agentIdOf, type FrameHandler } from './types.js';

export const agentStatus: FrameHandler<'agent.status'> = {
  type: 'agent.status',
  roles: ['agent'],
  async handle({ lifeline, principal, memory }, frame) {
    memory.agentStatus = await lifeline.presence.setStatus(agentIdOf(principal), frame.status);
    return { type: 'agent.status', status: frame.status };
  },
};
