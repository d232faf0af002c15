import type { AgentStatus } from '../../core/protocol/vocabulary.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Dispatcher } from './Dispatcher.js';
import type { RoutingDeps } from './deps.js';

/**
 * Whether an agent can be offered work. An agent is online while it holds a socket on some
 * instance; that instance renews a lease, so an instance that dies cannot leave it online.
 */
export class AgentPresence {
  constructor(
    private readonly deps: RoutingDeps,
    private readonly agents: AgentRepository,
    private readonly dispatcher: Dispatcher,
    /** Called when an agent goes offline, so the offers it held move on at once. */
    private readonly wentOffline: (agentId: string) => Promise<void>,
  ) {}

  private leaseUntil(): number {
    return this.deps.now() + this.deps.settings.agentLeaseMs;
  }

  async connected(agentId: string): Promise<void> {
    const agent = await this.agents.findById(agentId);
    if (!agent) throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'This agent no longer exists');
    await this.deps.presenceStore.agentConnection(agentId, 1, this.deps.now(), this.leaseUntil(), agent);
  }

  async disconnected(agentId: string): Promise<void> {
    const profile = { languages: [], skills: [], maxSessions: 0 };
    const remaining = await this.deps.presenceStore.agentConnection(agentId, -1, this.deps.now(), 0, profile);
    if (remaining > 0) return;
    await this.wentOffline(agentId);
    await this.deps.bus.publish({ t: 'queue-changed' });
  }

  async setStatus(agentId: string, status: AgentStatus): Promise<void> {
    const previous = await this.deps.presenceStore.setStatus(
      agentId,
      status,
      this.deps.now(),
      this.leaseUntil(),
    );
    if (previous === 'offline' && status === 'available')
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Connect first');
    if (status === 'available') this.dispatcher.request();
    if (previous !== status) await this.deps.bus.publish({ t: 'queue-changed' });
  }

  async renewLeases(localAgentIds: readonly string[]): Promise<void> {
    await this.deps.presenceStore.renewLeases(localAgentIds, this.leaseUntil());
  }

  async expireStale(): Promise<void> {
    const expired = await this.deps.presenceStore.expireLeases(this.deps.now());
    if (expired.length > 0) {
      this.deps.log.warn(
        { agents: expired.length },
        'agents taken offline: their instance stopped renewing leases',
      );
      await this.deps.bus.publish({ t: 'queue-changed' });
    }
  }
}
