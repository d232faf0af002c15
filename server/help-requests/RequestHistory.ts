import { LifelineError } from '../../core/errors/LifelineError.js';
import type { PastRequest } from '../../core/protocol/floor.js';
import type { AgentRepository } from '../agents/AgentRepository.js';
import type { Principal } from '../auth/principal.js';
import type { RoutingDeps } from '../routing/deps.js';

/** How many earlier requests the agent's side panel shows. */
const HISTORY_LIMIT = 10;

/** A user's earlier requests as an agent may see them, and the user's rating of their own. */
export class RequestHistory {
  constructor(
    private readonly deps: Pick<RoutingDeps, 'queue' | 'history' | 'cases' | 'records' | 'log' | 'bus'>,
    private readonly agents: AgentRepository,
  ) {}

  /** Only the agent offered or serving the request, or a supervisor, may read the user's past. */
  async forAgent(agentId: string, requestId: string): Promise<PastRequest[]> {
    const record = await this.deps.queue.getRequest(requestId);
    const involved = record && (record.offerAgentId === agentId || record.agentId === agentId);
    const supervisor = !involved && (await this.agents.findById(agentId))?.role === 'supervisor';
    if (!record || (!involved && !supervisor))
      throw new LifelineError(
        'LIFELINE_FORBIDDEN',
        'Only the agent offered or serving this request may see its history',
      );
    const history = await this.deps.history.userHistory(record.userId, record.id, HISTORY_LIMIT);
    return history.map((h) => ({ ...h, createdAt: new Date(h.createdAt).toISOString() }));
  }

  async rate(principal: Principal, requestId: string, stars: number): Promise<void> {
    if (principal.kind !== 'user' || principal.requestId !== requestId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may rate it');
    if (!(await this.deps.history.recordRating(requestId, stars)))
      throw new LifelineError('LIFELINE_NOT_FOUND');
    await this.deps.records.keep('rating', { kind: 'rating', caseId: requestId, stars });
    await this.deps.bus.publish({ t: 'figures-changed' });
  }
}
