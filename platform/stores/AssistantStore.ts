import type { HandoffReason } from '../../core/protocol/vocabulary.js';
import { plainPlacement, type Placement } from '../../core/routing/policy/placement.js';
import type { RedisClient } from '../redis/connect.js';
import { asStrings } from './LuaScript.js';
import { encodePlacement } from './placementFields.js';
import { encodeQueuedRequest, type NewRequest } from './records.js';
import { ScriptedStore } from './ScriptedStore.js';
import { decodeRoute, type Route } from './standing.js';

export type HoldResult = { status: 'OK' } | { status: 'ACTIVE'; existingId: string };
/** What a step of the assistant found: it still held the case, or the case had moved on (its state). */
export type HeldOr<T> = ({ held: true } & T) | { held: false; state: string };

/**
 * Cases the assistant answers before any person: held in Redis as the user's open case but in no
 * line, then handed to the line or closed as self-served, each step one Lua script (see
 * lua/assistant.ts), so a handoff and a "solved" racing on two instances settle on one.
 */
export class AssistantStore extends ScriptedStore {
  constructor(
    redis: RedisClient,
    prefix: string,
    private readonly retentionMs: number,
    /** Where a case handed over joins the line: a routing policy's queue, or its language and category. */
    private readonly placeNew: (request: NewRequest) => Placement = plainPlacement,
  ) {
    super(redis, prefix);
  }

  async hold(
    request: NewRequest,
    rank: number,
    terms: { activeTtlMs: number; dueAt: number },
  ): Promise<HoldResult> {
    const fields = encodeQueuedRequest(request);
    const args = [request.id, request.userId, rank, terms.activeTtlMs, terms.dueAt, ...fields];
    const [status, existingId] = asStrings(
      await this.run('assistantHold', this.key('req', request.id), args),
    );
    return status === 'ACTIVE' ? { status, existingId: existingId ?? '' } : { status: 'OK' };
  }

  /** Records an answer or a "did not help"; see ASSISTANT_TURN. */
  async turn(
    id: string,
    step: { dueAt: number; shownArticleIds?: readonly string[]; notHelped?: boolean },
  ): Promise<HeldOr<{ notHelped: number }>> {
    const shown = step.shownArticleIds ? JSON.stringify(step.shownArticleIds) : '';
    const args = [id, step.dueAt, shown, step.notHelped ? 1 : 0];
    const [status, second] = asStrings(await this.run('assistantTurn', this.key('req', id), args));
    if (status !== 'OK') return { held: false, state: second ?? '' };
    return { held: true, notHelped: Number(second ?? 0) };
  }

  /**
   * Puts the case in the line for a person, placed and ranked as if it joined at `handoffAt`;
   * see ASSISTANT_HANDOFF. `position` is its 1-based place on its first route.
   */
  async handOff(
    request: NewRequest,
    reason: HandoffReason,
    rank: number,
    handoffAt: number,
  ): Promise<HeldOr<{ position: number; route: Route }>> {
    const placement = encodePlacement(this.placeNew({ ...request, createdAt: handoffAt }));
    const args = [request.id, reason, rank, ...placement];
    const [status, place, routes] = asStrings(
      await this.run('assistantHandoff', this.key('req', request.id), args),
    );
    if (status !== 'OK') return { held: false, state: place ?? '' };
    return { held: true, position: Number(place ?? 0) + 1, route: decodeRoute(routes) };
  }

  /** Closes the case as self-served; see ASSISTANT_SELF_SERVED. */
  async selfServed(id: string, now: number): Promise<HeldOr<object>> {
    const args = [id, now, this.retentionMs];
    const [status, state] = asStrings(await this.run('assistantSelfServed', this.key('req', id), args));
    return status === 'OK' ? { held: true } : { held: false, state: state ?? '' };
  }

  /** Drops a case that moved on (or is gone) from the idle deadlines. */
  async forget(id: string): Promise<void> {
    await this.redis.zrem(this.key('assistant', 'due'), id);
  }

  /** Held cases whose user has said nothing for the idle time, oldest first. */
  due(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('assistant', 'due'), '-inf', now, 'LIMIT', 0, limit);
  }
}
