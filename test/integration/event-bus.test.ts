import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus, type BusEvent } from '../../platform/bus/EventBus.js';

/** The bus on a real Redis: queue changes folded per interval, everything else sent as it comes. */
const prefix = `lifeline-test:${randomBytes(6).toString('hex')}:`;
const publisher = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
const subscriber = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
// Connected before the bus subscribes or publishes, as the API's connections are.
beforeAll(() => Promise.all([publisher.connect(), subscriber.connect()]));
afterAll(() => {
  publisher.disconnect();
  subscriber.disconnect();
});

describe('event bus', () => {
  it('sends the first queue change at once and folds the rest of its interval into one after it', async () => {
    const failures: unknown[] = [];
    const bus = new EventBus(publisher, subscriber, prefix, {
      queueChangedEveryMs: 300,
      onPublishFailure: (error) => failures.push(error),
    });
    const heard: { event: BusEvent; at: number }[] = [];
    bus.on((event) => heard.push({ event, at: Date.now() }));
    await bus.start();

    const started = Date.now();
    for (let i = 0; i < 20; i += 1) await bus.publish({ t: 'queue-changed' });
    await bus.publish({ t: 'dispatch', requestId: 'r1' });
    await expect.poll(() => heard.length, { timeout: 2000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(heard.map((h) => h.event.t)).toEqual(['queue-changed', 'dispatch', 'queue-changed']);
    expect(heard[0]!.at - started).toBeLessThan(150);
    expect(heard[2]!.at - started).toBeGreaterThanOrEqual(280);
    // A folded change waiting at shutdown is sent, not lost.
    await bus.publish({ t: 'queue-changed' });
    await bus.flush();
    await expect.poll(() => heard.length, { timeout: 2000 }).toBe(4);
    expect(failures).toEqual([]);
  });
});
