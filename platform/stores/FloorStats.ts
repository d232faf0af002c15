import type { RedisClient } from '../redis/connect.js';
import type { CallbackCounts } from '../../core/protocol/callbacks.js';
import type { FloorTotals } from '../../core/routing/floorMetrics.js';
import type { AssistantCounts } from '../../core/protocol/floor.js';
import { HANDOFF_REASONS, type HandoffReason } from '../../core/protocol/vocabulary.js';

/**
 * Contact-centre totals kept in Redis, so every instance adds to and reads the same figures.
 * Abandonment is counted by the routing scripts themselves; the rest is added here.
 */
export class FloorStats {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private get key() {
    return `${this.prefix}stats`;
  }

  async answered(waitSeconds: number, targetSeconds: number): Promise<void> {
    const multi = this.redis
      .multi()
      .hincrby(this.key, 'answered', 1)
      .hincrbyfloat(this.key, 'waitSecondsTotal', waitSeconds);
    if (waitSeconds <= targetSeconds) multi.hincrby(this.key, 'answeredWithinTarget', 1);
    await multi.exec();
  }

  async handled(handleSeconds: number): Promise<void> {
    await this.redis
      .multi()
      .hincrby(this.key, 'handled', 1)
      .hincrbyfloat(this.key, 'handleSecondsTotal', handleSeconds)
      .exec();
  }

  async cancelled(): Promise<void> {
    await this.redis.hincrby(this.key, 'cancelled', 1);
  }

  async totals(): Promise<FloorTotals> {
    const hash = await this.redis.hgetall(this.key);
    const n = (field: string) => Number(hash[field] ?? 0);
    return {
      answered: n('answered'),
      answeredWithinTarget: n('answeredWithinTarget'),
      waitSecondsTotal: n('waitSecondsTotal'),
      handled: n('handled'),
      handleSecondsTotal: n('handleSecondsTotal'),
      abandoned: n('abandoned'),
      cancelled: n('cancelled'),
    };
  }

  /** Callbacks by outcome; the callback scripts count them, apart from abandonment. */
  async callbacks(): Promise<CallbackCounts> {
    const fields = ['callbacksRequested', 'callbacksAnswered', 'callbacksRetried', 'callbacksMissed'];
    const [requested, answered, retried, missed] = await this.redis.hmget(this.key, ...fields);
    return {
      requested: Number(requested ?? 0),
      answered: Number(answered ?? 0),
      retried: Number(retried ?? 0),
      missed: Number(missed ?? 0),
    };
  }

  /** A text request the assistant never held: it stepped aside at once (urgent, asked for a person...). */
  async steppedAside(reason: HandoffReason): Promise<void> {
    await this.redis.hincrby(this.key, `handoff:${reason}`, 1);
  }

  /** What the assistant did: cases held, closed as self-served, and handed over by reason (the scripts count most). */
  async assistant(): Promise<AssistantCounts> {
    const fields = ['assistantHeld', 'selfServed', ...HANDOFF_REASONS.map((reason) => `handoff:${reason}`)];
    const [held, selfServed, ...byReason] = await this.redis.hmget(this.key, ...fields);
    const handoffs: Partial<Record<HandoffReason, number>> = {};
    HANDOFF_REASONS.forEach((reason, i) => {
      if (Number(byReason[i] ?? 0) > 0) handoffs[reason] = Number(byReason[i]);
    });
    return { held: Number(held ?? 0), selfServed: Number(selfServed ?? 0), handoffs };
  }

  async recentHandleSeconds(): Promise<number[]> {
    return (await this.redis.lrange(`${this.prefix}stats:handle-seconds`, 0, -1)).map(Number);
  }

  async abandonedTotal(): Promise<number> {
    return Number((await this.redis.hget(this.key, 'abandoned')) ?? 0);
  }
}
