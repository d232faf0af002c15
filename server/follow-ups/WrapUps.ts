import { LifelineError } from '../../core/errors/LifelineError.js';
import type { WrapUpBody } from '../../core/protocol/floor.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { FollowUpService } from './FollowUpService.js';

/** A due time makes sense only for a follow-up. */
function checked<T extends Partial<WrapUpBody>>(wrapUp: T): T {
  if (wrapUp.followUpInMinutes !== undefined && wrapUp.outcome !== 'follow_up')
    throw new LifelineError('LIFELINE_VALIDATION', 'followUpInMinutes goes only with outcome follow_up');
  return wrapUp;
}

/**
 * An agent's wrap-up, over REST or with `session.end`: recorded with the session, then what its
 * outcome sets in motion (a follow-up or an escalation task). The session module keeps the record;
 * this adds the consequences, so a wrap-up can be repeated or corrected safely.
 */
export class WrapUps {
  constructor(
    private readonly sessions: Pick<SessionService, 'wrapUp' | 'endByAgent'>,
    private readonly followUps: Pick<FollowUpService, 'afterWrapUp'>,
  ) {}

  async record(agentId: string, sessionId: string, body: WrapUpBody): Promise<void> {
    const { outcome, note, followUpInMinutes } = checked(body);
    await this.sessions.wrapUp(agentId, sessionId, { outcome, note });
    await this.followUps.afterWrapUp(agentId, sessionId, { outcome, followUpInMinutes });
  }

  async endSession(agentId: string, sessionId: string, wrapUp: Partial<WrapUpBody>) {
    const { outcome, note, followUpInMinutes } = checked(wrapUp);
    await this.sessions.endByAgent(agentId, sessionId, { outcome, note });
    if (outcome) await this.followUps.afterWrapUp(agentId, sessionId, { outcome, followUpInMinutes });
  }
}
