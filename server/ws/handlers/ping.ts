import type { FrameHandler } from './types.js';

export const ping: FrameHandler<'ping'> = {
  type: 'ping',
  roles: ['agent', 'user'],
  async handle() {
    return { type: 'pong' };
  },
};
