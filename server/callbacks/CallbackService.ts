import { LifelineError } from '../../core/errors/LifelineError.js';
import type { CallbackReply } from '../../core/protocol/callbacks.js';
import { roomNameFor, type MediaPlane } from '../../media/MediaPlane.js';
import type { RecordChange } from '../../platform/jobs/records.js';
import type { CallbackChoice, CallbackStore } from '../../platform/stores/CallbackStore.js';
import type { Principal } from '../auth/principal.js';
import type { SystemLines } from '../conversations/SystemLines.js';
import type { PlatformNotifier } from '../notify/PlatformNotifier.js';
import type { RoutingDeps, SessionStarter } from '../routing/deps.js';
import type { ReadyFrames } from '../sessions/ReadyFrames.js';

/** How many due callback deadlines one sweep handles; the rest wait for the next sweep. */
const DUE_BATCH = 200;

export interface CallbackDeps {
  routing: Pick<RoutingDeps, 'queue' | 'cases' | 'records' | 'now' | 'settings' | 'metrics' | 'log'>;
  store: CallbackStore;
  notifier: Pick<PlatformNotifier, 'notify'>;
  lines: Pick<SystemLines, 'say'>;
  ready: Pick<ReadyFrames, 'announce'>;
  media: Pick<MediaPlane, 'deleteRoom'>;
}

/**
 * "Call me back": a waiting user keeps their place without a socket. When an agent takes the
 * case, the user is reached (their widget hears `session.ready` if it is open; otherwise the
 * platform's push) and has `CALLBACK_ANSWER_MS` to come back. One retry follows after
 * `CALLBACK_RETRY_MS`, while the agent keeps the session and its context; a second miss turns
 * the case into a text conversation the agent writes in and the user reads later. Deadlines live
 * in Redis, so whichever instance sweeps first acts, and an instance that dies strands nothing.
 */
export class CallbackService {
  constructor(private readonly deps: CallbackDeps) {}

  /** The user chose a callback; choosing again is the same choice. */
  async choose(principal: Principal, requestId: string): Promise<CallbackReply> {
    this.ownRequest(principal, requestId);
    const { now } = this.deps.routing;
    const choice = await this.deps.store.choose(requestId, now());
    await this.refuseUnlessWaiting(requestId, choice);
    if (choice.status === 'OK') {
      this.deps.routing.metrics.callbacks.inc({ outcome: 'requested' });
      await this.note(requestId, 'queued', 'callback_requested', true);
    }
    return { id: requestId, callback: 'waiting' };
  }

  /** The user takes the choice back and waits in the widget again; a live call's abandon clock restarts. */
  async withdraw(principal: Principal, requestId: string): Promise<CallbackReply> {
    this.ownRequest(principal, requestId);
    const { now, settings } = this.deps.routing;
    const choice = await this.deps.store.cancel(requestId, now(), now() + settings.abandonGraceMs);
    await this.refuseUnlessWaiting(requestId, choice);
    if (choice.status === 'OK') await this.note(requestId, 'queued', 'callback_withdrawn', false);
    return { id: requestId, callback: 'none' };
  }

  /** Starts sessions as `sessions` does, then reaches a user who chose a callback. */
  reaching(sessions: SessionStarter): SessionStarter {
    return {
      start: async (sessionId, requestId, agentId) => {
        await sessions.start(sessionId, requestId, agentId);
        await this.accepted(sessionId, requestId, agentId);
      },
    };
  }

  /** A user's socket opened: if they were being called back, they answered. */
  async userArrived(requestId: string): Promise<void> {
    if (await this.deps.store.answer(requestId)) await this.answered(requestId);
  }

  /** Acts on callbacks whose time ran out: answered, retried, reached again or missed. */
  async sweepDue(): Promise<number> {
    const { now, settings } = this.deps.routing;
    const timing = { answerMs: settings.callbackAnswerMs, retryMs: settings.callbackRetryMs };
    let stepped = 0;
    for (const requestId of await this.deps.store.due(now(), DUE_BATCH)) {
      const step = await this.deps.store.step(requestId, now(), timing);
      stepped += 1;
      if (step.status === 'ANSWERED') await this.answered(requestId);
      else if (step.status === 'RETRYING') {
        this.deps.routing.metrics.callbacks.inc({ outcome: 'retried' });
        await this.note(requestId, 'assigned', 'callback_retried');
      } else if (step.status === 'RING') await this.reach(requestId);
      else if (step.status === 'MISSED' && step.sessionId && step.agentId)
        await this.missed(requestId, step.sessionId, step.agentId);
      else stepped -= 1;
    }
    return stepped;
  }

  private async accepted(sessionId: string, requestId: string, agentId: string): Promise<void> {
    const { now, settings } = this.deps.routing;
    const at = now();
    const rung = await this.deps.store.ring(requestId, sessionId, at, at + settings.callbackAnswerMs);
    if (rung === 'ANSWERED') await this.answered(requestId);
    if (rung !== 'RINGING') return;
    await Promise.all([
      this.reach(requestId),
      this.deps.lines.say(requestId, agentId, 'callback.calling'),
      this.note(requestId, 'assigned', 'callback_ringing'),
    ]);
  }

  /** Away from the widget (or it would have answered): the platform's push tells the user it is their turn. */
  private async reach(requestId: string): Promise<void> {
    const waiting = await this.deps.routing.queue.getRequest(requestId);
    if (!waiting?.userId) return;
    const at = new Date(this.deps.routing.now()).toISOString();
    const { userId, language } = waiting;
    await this.deps.notifier.notify({ type: 'callback.due', requestId, userId, at, language });
  }

  private async answered(requestId: string): Promise<void> {
    this.deps.routing.metrics.callbacks.inc({ outcome: 'answered' });
    await this.note(requestId, 'assigned', 'callback_answered', false);
  }

  /**
   * Unanswered twice: the case goes on as a text conversation its agent keeps. The hot record
   * became `text` before the room is closed, so LiveKit closing it does not end the session.
   */
  private async missed(requestId: string, sessionId: string, agentId: string): Promise<void> {
    const { metrics, log, now } = this.deps.routing;
    metrics.callbacks.inc({ outcome: 'missed' });
    const at = now();
    await this.deps.routing.records.keep(
      'callback-missed',
      { kind: 'conversation', caseId: requestId, at },
      { kind: 'event', caseId: requestId, state: 'assigned', reason: 'callback_missed', at },
      { kind: 'callbackChoice', caseId: requestId, waiting: false, at },
    );
    this.deps.media.deleteRoom(roomNameFor(sessionId)).catch((error: unknown) => {
      log.warn({ err: error, sessionId }, 'room delete failed; LiveKit closes it when empty');
    });
    await this.deps.lines.say(requestId, agentId, 'callback.missed');
    await this.deps.ready.announce(sessionId, requestId, agentId);
  }

  /**
   * A step in the case's history; `waiting` also records whether the user still waits to be
   * called back, which a queue rebuilt from PostgreSQL keeps.
   */
  private note(caseId: string, state: string, reason: string, waiting?: boolean): Promise<void> {
    const at = this.deps.routing.now();
    const changes: RecordChange[] = [{ kind: 'event', caseId, state, reason, at }];
    if (waiting !== undefined) changes.push({ kind: 'callbackChoice', caseId, waiting, at });
    return this.deps.routing.records.keep('callback', ...changes);
  }

  private ownRequest(principal: Principal, requestId: string): void {
    if (principal.kind !== 'user' || principal.requestId !== requestId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user may ask for a callback');
  }

  /** A case no longer waiting cannot be called back (409); one Redis forgot is closed if PostgreSQL has it. */
  private async refuseUnlessWaiting(requestId: string, choice: CallbackChoice): Promise<void> {
    if (choice.status === 'CLOSED')
      throw new LifelineError('LIFELINE_REQUEST_CLOSED', 'Only a waiting request can be called back');
    if (choice.status !== 'GONE') return;
    if (await this.deps.routing.cases.get(requestId))
      throw new LifelineError('LIFELINE_REQUEST_CLOSED', 'Only a waiting request can be called back');
    throw new LifelineError('LIFELINE_NOT_FOUND');
  }
}
