import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { composeCaptions, NO_CAPTIONS, QueuedCaptions } from './CaptionsDispatch.js';

function recordingLog() {
  const warnings: unknown[] = [];
  const log = { warn: (...args: unknown[]) => warnings.push(args), debug: () => undefined };
  return { warnings, log: log as unknown as FastifyBaseLogger };
}

describe('dispatching live captions', () => {
  it('adds a job holding the session and room ids only', async () => {
    const added: unknown[] = [];
    const { log } = recordingLog();
    new QueuedCaptions({ enqueue: async (data) => (added.push(data), 'captions-s1') }, log).liveCallRoomMade(
      's1',
      'lifeline-s1',
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(added).toEqual([{ sessionId: 's1', room: 'lifeline-s1' }]);
  });

  it('never fails the call: a queue that refuses the job is only logged', async () => {
    const { log, warnings } = recordingLog();
    const failing = new QueuedCaptions({ enqueue: () => Promise.reject(new Error('Redis is down')) }, log);
    expect(() => failing.liveCallRoomMade('s1', 'lifeline-s1')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toHaveLength(1);
  });

  it('adds nothing, and opens no queue, when LIVE_CAPTIONS is off', async () => {
    const { log } = recordingLog();
    const off = composeCaptions(
      { liveCaptions: false, keyPrefix: 'x:', jobs: { attempts: 1, backoffMs: 10 } },
      {},
      log,
    );
    expect(off.dispatch).toBe(NO_CAPTIONS);
    await expect(off.close()).resolves.toBeUndefined();
  });
});
