import type { Redis } from 'ioredis';
import { LuaScript } from './LuaScript.js';
import * as lua from './lua.js';

export const SCRIPTS = {
  enqueue: new LuaScript(lua.ENQUEUE),
  claimOffer: new LuaScript(lua.CLAIM_OFFER),
  acceptOffer: new LuaScript(lua.ACCEPT_OFFER),
  releaseOffer: new LuaScript(lua.RELEASE_OFFER),
  endSession: new LuaScript(lua.END_SESSION),
  closeWaiting: new LuaScript(lua.CLOSE_WAITING),
  userConnection: new LuaScript(lua.USER_CONNECTION),
  agentConnection: new LuaScript(lua.AGENT_CONNECTION),
  setStatus: new LuaScript(lua.SET_STATUS),
  expireLease: new LuaScript(lua.EXPIRE_LEASE),
  rescore: new LuaScript(lua.RESCORE),
  claimVoice: new LuaScript(lua.CLAIM_VOICE),
};

/** Key naming and script running shared by the routing module's stores. */
export abstract class ScriptedStore {
  constructor(
    protected readonly redis: Redis,
    protected readonly prefix: string,
  ) {}

  protected key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  protected run(script: keyof typeof SCRIPTS, key: string, args: (string | number)[]) {
    return SCRIPTS[script].run(this.redis, [key], [this.prefix, ...args]);
  }
}
