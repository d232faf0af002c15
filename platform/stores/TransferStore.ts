import type { RedisClient } from '../redis/connect.js';
import { asStrings } from './LuaScript.js';
import { ScriptedStore } from './ScriptedStore.js';

export type ConsultEndMode = 'decline' | 'cancel' | 'expire';

/** A script's status and the ids it returned after it. */
export interface TransferOutcome {
  status: string;
  ids: string[];
}

/**
 * Consults and handovers of live sessions (see lua/transfers.ts): each step one script on the
 * session's hash, so a session is never held by two agents and no slot is taken twice or lost.
 */
export class TransferStore extends ScriptedStore {
  constructor(
    redis: RedisClient,
    prefix: string,
    private readonly retentionMs: number,
  ) {
    super(redis, prefix);
  }

  private async outcome(reply: ReturnType<ScriptedStore['run']>): Promise<TransferOutcome> {
    const [status, ...ids] = asStrings(await reply);
    return { status: status ?? 'GONE', ids };
  }

  invite(sessionId: string, from: string, to: string, now: number, expiresAt: number) {
    return this.outcome(
      this.run('consultInvite', this.key('session', sessionId), [sessionId, from, to, now, expiresAt]),
    );
  }

  accept(sessionId: string, agentId: string) {
    return this.outcome(this.run('consultAccept', this.key('session', sessionId), [sessionId, agentId]));
  }

  endConsult(sessionId: string, mode: ConsultEndMode, agentId: string, now: number) {
    return this.outcome(
      this.run('consultEnd', this.key('session', sessionId), [sessionId, mode, agentId, now]),
    );
  }

  warm(sessionId: string, from: string, now: number) {
    return this.outcome(this.run('transferWarm', this.key('session', sessionId), [sessionId, from, now]));
  }

  /** `abandonAt`: the abandon deadline if the caller of a live call is already gone. */
  cold(sessionId: string, from: string, now: number, category: string, note: string, abandonAt: number) {
    const args = [sessionId, from, now, category, note, this.retentionMs, abandonAt];
    return this.outcome(this.run('transferCold', this.key('session', sessionId), args));
  }

  /** Consults whose invitation went unanswered past its deadline. */
  dueConsults(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.key('consults:deadline'), '-inf', now, 'LIMIT', 0, limit);
  }
}
