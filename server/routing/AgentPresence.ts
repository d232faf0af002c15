import type { AgentStatus } from '../../core/protocol/vocabulary.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { LEASE_GONE, type SocketRef } from '../../platform/stores/PresenceStore.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from './Dispatcher.js';
import type { RoutingDeps } from './deps.js';

/**
 * Whether an agent can be offered work. An agent is online while it holds a socket on a live
 * instance; sockets are counted by id, so a crashed instance's sockets stop counting as soon as
 * its lease lapses, and a socket closing always leaves the count right.
 */
export class AgentPresence {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly agents: AgentRepository,
    private readonly dispatcher: Dispatcher,
    /** Called when an agent goes offline, so the offers it held move on at once. */
    private readonly wentOffline: (agentId: string) => Promise<void>,
  ) {}

  /** Returns false when this instance's lease is gone and the socket was not registered. */
  async connected(agentId: string, socket: SocketRef): Promise<boolean> {
    const agent = await this.agents.findById(agentId);
    if (!agent) throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'This agent no longer exists');
    const live = await this.deps.presenceStore.agentSocketOpen(agentId, socket, this.deps.now(), agent);
    if (live === LEASE_GONE) return false;
    this.dispatcher.agentFree(agentId);
    return true;
  }

  async disconnected(agentId: string, socket: SocketRef): Promise<void> {
    const remaining = await this.deps.presenceStore.agentSocketClose(agentId, socket, this.deps.now());
    if (remaining === 0) await this.offline([agentId]);
  }

  /** Agents taken offline elsewhere (their instance died): their offers move on, the floor updates. */
  async offline(agentIds: readonly string[]): Promise<void> {
    for (const agentId of agentIds) await this.wentOffline(agentId);
    if (agentIds.length > 0) await this.deps.bus.publish({ t: 'queue-changed' });
  }

  /** Returns the status now in force. */
  async setStatus(agentId: string, status: AgentStatus): Promise<AgentStatus> {
    const previous = await this.deps.presenceStore.setStatus(agentId, status, this.deps.now());
    if (previous === 'offline' && status === 'available')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Connect first');
    if (status === 'available') this.dispatcher.agentFree(agentId);
    if (previous !== status) await this.deps.bus.publish({ t: 'queue-changed' });
    return status;
  }
}
