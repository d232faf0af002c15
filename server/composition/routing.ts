import type { MediaPlane } from '../../media/MediaPlane.js';
import { AgentPresence } from '../routing/AgentPresence.js';
import { Dispatcher } from '../routing/Dispatcher.js';
import { InstanceLiveness } from '../routing/InstanceLiveness.js';
import { OfferService } from '../routing/OfferService.js';
import { PolicySteps } from '../routing/PolicySteps.js';
import { QueuePositions } from '../routing/QueuePositions.js';
import { QueueRebuild } from '../routing/QueueRebuild.js';
import { StrandedCases } from '../routing/StrandedCases.js';
import { ReadyFrames } from '../sessions/ReadyFrames.js';
import { SessionService } from '../sessions/SessionService.js';
import { Transfers } from '../sessions/Transfers.js';
import { Supervision } from '../supervision/Supervision.js';
import { composeCallbacks } from './callbacks.js';
import type { Foundation } from './foundation.js';

/** Routing and sessions: who is offered what, presence, positions, and the queue's rebuild. */
export function composeRouting(base: Foundation, media: MediaPlane) {
  const { deps, agents, sockets, systemLines, tasks, claim, marker, placements, policies } = base;
  const dispatcher = new Dispatcher(deps);
  const sessions = new SessionService(deps, media, agents, dispatcher, systemLines);
  const ready = new ReadyFrames(deps, media, agents);
  const transfers = new Transfers(deps, media, agents, dispatcher, ready, deps.settings.consultTimeoutMs);
  const callbacks = composeCallbacks(base, media);
  // A user who chose a callback is reached once the agent's session has started.
  const offers = new OfferService(deps, callbacks.reaching(sessions), dispatcher);
  const presence = new AgentPresence(deps, agents, dispatcher, (agentId) => offers.withdrawAllFrom(agentId));
  return {
    dispatcher,
    sessions,
    transfers,
    supervision: new Supervision(deps, media, base.audit),
    callbacks,
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
    policySteps: new PolicySteps({
      placements,
      policy: () => policies.current(),
      dispatcher,
      metrics: deps.metrics,
      now: deps.now,
      settings: {
        agingPointsPerMinute: deps.settings.agingPointsPerMinute,
        recheckMs: deps.settings.policyRecheckMs,
      },
      log: deps.log,
    }),
  };
}

export type Routing = ReturnType<typeof composeRouting>;
