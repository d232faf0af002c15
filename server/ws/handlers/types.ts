import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import type { AgentStatus } from '../../../core/protocol/vocabulary.js';
import type { SocketServices } from '../deps.js';
import type { ClientFrame, ClientFrameType, ServerFrame } from '../../../core/protocol/frames.js';

/** What a socket remembers about itself, to restore after Redis comes back. */
export interface SocketMemory {
  agentStatus?: AgentStatus;
}

export interface FrameContext {
  lifeline: SocketServices;
  principal: Principal;
  log: FastifyBaseLogger;
  memory: SocketMemory;
}

/** The frames a handler may answer with; each carries the ref of the frame it answers. */
export type ReplyFrame = Extract<ServerFrame, { type: 'ack' | 'pong' | 'agent.status' }>;

/** One message type's handler: who may send it and what it does. Replies carry the frame's ref. */
export interface FrameHandler<T extends ClientFrameType = ClientFrameType> {
  type: T;
  roles: readonly Principal['kind'][];
  handle(context: FrameContext, frame: Extract<ClientFrame, { type: T }>): Promise<ReplyFrame | void>;
}

export function agentIdOf(principal: Principal): string {
  if (principal.kind !== 'agent') throw new Error('handler registered for agents only');
  return principal.agentId;
}
