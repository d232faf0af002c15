import type { WebSocket } from 'ws';
import type { BusEvent } from '../../platform/bus/EventBus.js';
import type { ServerFrame } from '../../core/protocol/frames.js';

/** A socket whose peer reads slower than this is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** This instance's open sockets, by the agent or request they speak for. */
export class SocketRegistry {
  private readonly agents = new Map<string, Set<WebSocket>>();
  private readonly requests = new Map<string, Set<WebSocket>>();
  /** The session each socket was last told is ready: a socket hears of one session once. */
  private readonly readySent = new WeakMap<WebSocket, string>();

  private group(kind: 'agent' | 'request') {
    return kind === 'agent' ? this.agents : this.requests;
  }

  add(kind: 'agent' | 'request', id: string, socket: WebSocket): void {
    const map = this.group(kind);
    const set = map.get(id) ?? new Set();
    set.add(socket);
    map.set(id, set);
  }

  /** Returns how many sockets this instance still holds for that id. */
  remove(kind: 'agent' | 'request', id: string, socket: WebSocket): number {
    const map = this.group(kind);
    const set = map.get(id);
    if (!set) return 0;
    set.delete(socket);
    if (set.size === 0) map.delete(id);
    return set.size;
  }

  send(socket: WebSocket, frame: ServerFrame): void {
    if (socket.readyState !== socket.OPEN) return;
    if (frame.type === 'session.ready') {
      // A user who connects while their session starts would otherwise hear of it twice; a call
      // starting or stopping in a conversation is news, so the session's state is in the key.
      const state = `${frame.sessionId}:${frame.room ?? ''}`;
      if (this.readySent.get(socket) === state) return;
      this.readySent.set(socket, state);
    }
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(frame));
  }

  sendTo(kind: 'agent' | 'request', id: string, frame: ServerFrame): void {
    for (const socket of this.group(kind).get(id) ?? []) this.send(socket, frame);
  }

  deliver(event: BusEvent): void {
    if (event.t === 'agent') this.sendTo('agent', event.agentId, event.frame);
    else if (event.t === 'request') this.sendTo('request', event.requestId, event.frame);
    else if (event.t === 'requests')
      for (const id of event.requestIds) this.sendTo('request', id, event.frame);
  }

  localAgentIds(): string[] {
    return [...this.agents.keys()];
  }

  localRequestIds(): string[] {
    return [...this.requests.keys()];
  }
}
