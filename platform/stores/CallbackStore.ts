import type { RedisClient } from '../redis/connect.js';
import { asStrings, LuaScript } from './LuaScript.js';
import * as lua from './lua/index.js';

const SCRIPTS = {
  choose: new LuaScript(lua.CALLBACK_CHOOSE),
  cancel: new LuaScript(lua.CALLBACK_CANCEL),
  ring: new LuaScript(lua.CALLBACK_RING),
  answer: new LuaScript(lua.CALLBACK_ANSWER),
  due: new LuaScript(lua.CALLBACK_DUE),
};

/** A user's choice, or its withdrawal: applied, unchanged (asked twice), closed case, or no such request. */
export interface CallbackChoice {
  status: 'OK' | 'SAME' | 'NONE' | 'CLOSED' | 'GONE';
  state?: string;
}

/** What a due callback deadline led to; the session and agent come with the steps that need them. */
export interface CallbackStep {
  status: 'NOT_DUE' | 'NONE' | 'ANSWERED' | 'RETRYING' | 'RING' | 'MISSED';
  sessionId?: string;
  agentId?: string;
}

/**
 * Callbacks in Redis: each step is one Lua script (see lua/callbacks.ts), so instances sweeping
 * the same deadlines at once never act on one callback twice.
 */
export class CallbackStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private run(script: keyof typeof SCRIPTS, requestId: string, args: (string | number)[]) {
    return SCRIPTS[script].run(
      this.redis,
      [`${this.prefix}req:${requestId}`],
      [this.prefix, requestId, ...args],
    );
  }

  async choose(requestId: string, now: number): Promise<CallbackChoice> {
    const [status, state] = asStrings(await this.run('choose', requestId, [now]));
    return { status: status as CallbackChoice['status'], state };
  }

  async cancel(requestId: string, now: number, abandonAt: number): Promise<CallbackChoice> {
    const [status, state] = asStrings(await this.run('cancel', requestId, [now, abandonAt]));
    return { status: status as CallbackChoice['status'], state };
  }

  async ring(requestId: string, sessionId: string, now: number, answerBy: number) {
    const status = String(await this.run('ring', requestId, [sessionId, now, answerBy]));
    return status as 'ANSWERED' | 'RINGING' | 'NONE';
  }

  async answer(requestId: string): Promise<boolean> {
    return String(await this.run('answer', requestId, [])) === 'ANSWERED';
  }

  async step(requestId: string, now: number, timing: { answerMs: number; retryMs: number }) {
    const args = [now, timing.answerMs, timing.retryMs];
    const [status, sessionId, agentId] = asStrings(await this.run('due', requestId, args));
    return { status, sessionId, agentId } as CallbackStep;
  }

  /** Requests whose callback deadline has passed, oldest first. */
  due(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(`${this.prefix}callbacks:deadline`, '-inf', now, 'LIMIT', 0, limit);
  }

  /** Where a request's callback stands ('' for none). */
  async stateOf(requestId: string): Promise<string> {
    return (await this.redis.hget(`${this.prefix}req:${requestId}`, 'callback')) ?? '';
  }
}
