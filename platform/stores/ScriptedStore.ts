import type { RedisClient } from '../redis/connect.js';
import { LuaScript } from './LuaScript.js';
import * as lua from './lua/index.js';

export const SCRIPTS = {
  enqueue: new LuaScript(lua.ENQUEUE),
  closeWaiting: new LuaScript(lua.CLOSE_WAITING),
  rescore: new LuaScript(lua.RESCORE),
  reopen: new LuaScript(lua.REOPEN),
  restore: new LuaScript(lua.RESTORE),
  standings: new LuaScript(lua.STANDINGS),
  claimVoice: new LuaScript(lua.CLAIM_VOICE),
  offerToFreeAgent: new LuaScript(lua.OFFER_TO_FREE_AGENT),
  offerBestRequest: new LuaScript(lua.OFFER_BEST_REQUEST),
  claimOffer: new LuaScript(lua.CLAIM_OFFER),
  acceptOffer: new LuaScript(lua.ACCEPT_OFFER),
  releaseOffer: new LuaScript(lua.RELEASE_OFFER),
  endSession: new LuaScript(lua.END_SESSION),
  userSocketOpen: new LuaScript(lua.USER_SOCKET_OPEN),
  userSocketClose: new LuaScript(lua.USER_SOCKET_CLOSE),
  agentSocketOpen: new LuaScript(lua.AGENT_SOCKET_OPEN),
  agentSocketClose: new LuaScript(lua.AGENT_SOCKET_CLOSE),
  setStatus: new LuaScript(lua.SET_STATUS),
  eligibleOnline: new LuaScript(lua.ELIGIBLE_ONLINE),
  reapInstance: new LuaScript(lua.REAP_INSTANCE),
  place: new LuaScript(lua.PLACE),
  duePlacements: new LuaScript(lua.DUE_PLACEMENTS),
  assistantHold: new LuaScript(lua.ASSISTANT_HOLD),
  assistantTurn: new LuaScript(lua.ASSISTANT_TURN),
  assistantHandoff: new LuaScript(lua.ASSISTANT_HANDOFF),
  assistantSelfServed: new LuaScript(lua.ASSISTANT_SELF_SERVED),
  consultInvite: new LuaScript(lua.CONSULT_INVITE),
  consultAccept: new LuaScript(lua.CONSULT_ACCEPT),
  consultEnd: new LuaScript(lua.CONSULT_END),
  transferWarm: new LuaScript(lua.TRANSFER_WARM),
  transferCold: new LuaScript(lua.TRANSFER_COLD),
};

/** Key naming and script running shared by the routing module's stores. */
export abstract class ScriptedStore {
  constructor(
    protected readonly redis: RedisClient,
    protected readonly prefix: string,
  ) {}

  protected key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  protected run(script: keyof typeof SCRIPTS, key: string, args: (string | number)[]) {
    return SCRIPTS[script].run(this.redis, [key], [this.prefix, ...args]);
  }
}
