import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../core/protocol/frames.js';
import { changesFigures, FloorWatchers } from './FloorWatchers.js';

/** Just enough of a socket: events, and the open state. */
const fakeSocket = () => Object.assign(new EventEmitter(), { OPEN: 1, readyState: 1, close: vi.fn() });

describe('floor watchers', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-03-10T12:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('tell a socket of the first change at once and fold later ones into one per interval', () => {
    const sent: ServerFrame[] = [];
    const watchers = new FloorWatchers(5000, (_socket, frame) => sent.push(frame));
    watchers.add(fakeSocket() as unknown as WebSocket, 'sup-1');
    expect(sent.map((f) => f.type)).toEqual(['hello']);
    watchers.heard({ t: 'queue-changed' });
    expect(sent.filter((f) => f.type === 'analytics.changed')).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    watchers.heard({ t: 'figures-changed' });
    vi.advanceTimersByTime(1000);
    watchers.heard({ t: 'queue-changed' });
    vi.advanceTimersByTime(2999);
    expect(sent.filter((f) => f.type === 'analytics.changed')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const changes = sent.filter((f) => f.type === 'analytics.changed');
    expect(changes).toEqual([
      { type: 'analytics.changed', at: '2026-03-10T12:00:00.000Z' },
      { type: 'analytics.changed', at: '2026-03-10T12:00:02.000Z' },
    ]);
  });

  it('stop telling a socket once it closed', () => {
    const sent: ServerFrame[] = [];
    const watchers = new FloorWatchers(5000, (_socket, frame) => sent.push(frame));
    const socket = fakeSocket();
    watchers.add(socket as unknown as WebSocket, 'sup-1');
    socket.emit('close');
    watchers.heard({ t: 'queue-changed' });
    expect(watchers.size).toBe(0);
    expect(sent.map((f) => f.type)).toEqual(['hello']);
  });

  it('count only the events that can move a figure', () => {
    const ended: ServerFrame = { type: 'session.ended', sessionId: 's', reason: 'agent_ended' };
    const status: ServerFrame = { type: 'agent.status', status: 'away' };
    expect(changesFigures({ t: 'agent', agentId: 'a', frame: ended })).toBe(true);
    expect(changesFigures({ t: 'agent', agentId: 'a', frame: status })).toBe(false);
    expect(changesFigures({ t: 'policy-changed', version: 2 })).toBe(false);
    expect(changesFigures({ t: 'dispatch', requestId: 'r' })).toBe(false);
  });
});
