import type { MediaPlane } from '../../media/MediaPlane.js';
import { AgentPresence } from '../routing/AgentPresence.js';
import { Dispatcher } from '../routing/Dispatcher.js';
import { InstanceLiveness } from '../routing/InstanceLiveness.js';
import { OfferService } from '../routing/OfferService.js';
import { QueuePositions } from '../routing/QueuePositions.js';
import { QueueRebuild } from '../routing/QueueRebuild.js';
import { StrandedCases } from '../routing/StrandedCases.js';
import { SessionService } from '../sessions/SessionService.js';
import type { Foundation } from './foundation.js';

/** Routing and sessions: who is offered what, presence, positions, and the queue's rebuild. */
export function composeRouting(
  { deps, agents, sockets, systemLines, tasks, claim, marker }: Foundation,
  media: MediaPlane,
) {
  const dispatcher = new Dispatcher(deps);
  const sessions = new SessionService(deps, media, agents, dispatcher, systemLines);
  const offers = new OfferService(deps, sessions, dispatcher);
  const presence = new AgentPresence(deps, agents, dispatcher, (agentId) => offers.withdrawAllFrom(agentId));
  return {
    dispatcher,
    sessions,
    offers,
    presence,
    liveness: new InstanceLiveness(deps, presence),
    rebuild: new QueueRebuild(deps, dispatcher, { tasks }),
    stranded: new StrandedCases(
      {
        ...deps,
        claim: (periodMs) => claim('stranded', periodMs),
        settleMs: deps.settings.strandedSettleMs,
        cursor: marker('stranded-cursor'),
      },
      dispatcher,
    ),
    positions: new QueuePositions(deps, sockets),
  };
}

export type Routing = ReturnType<typeof composeRouting>;
