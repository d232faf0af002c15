import type { HandoffReason } from '../../core/protocol/vocabulary.js';
import { queueRank } from '../../core/routing/priority.js';
import type { AssistantStore } from '../../platform/stores/AssistantStore.js';
import type { RequestRecord } from '../../platform/stores/records.js';
import type { Dispatcher } from '../routing/Dispatcher.js';
import type { RoutingDeps } from '../routing/deps.js';
import { handingOverText } from '../../core/assistant/phrases.js';
import type { AssistantLines } from './AssistantLines.js';

/** Held cases handed over per sweep; more wait for the next. */
const DUE_BATCH = 100;

export interface AssistantHandoffsDeps extends Pick<
  RoutingDeps,
  'queue' | 'records' | 'bus' | 'metrics' | 'now' | 'log'
> {
  store: AssistantStore;
  lines: AssistantLines;
  dispatcher: Pick<Dispatcher, 'placeNew'>;
  agingPointsPerMinute: number;
}

/**
 * The assistant stepping aside: the system of record moves the case to waiting with the
 * assistant's last line saying a person is coming (after which no assistant line can be stored),
 * and then the hot queue puts it in the line, where the dispatcher offers it like any new
 * request. Every step is safe to repeat, so a handoff cut short is finished by the next one, or by
 * the sweep.
 */
export class AssistantHandoffs {
  constructor(private readonly deps: AssistantHandoffsDeps) {}

  /** Returns the case's state afterwards: `queued` (or later) when handed over, else where it stood. */
  async handOff(record: RequestRecord, reason: HandoffReason): Promise<string> {
    const { store, now, metrics } = this.deps;
    if (record.state !== 'assistant') return record.state;
    const at = now();
    await this.recordHandoff(record, reason, at);
    const rank = queueRank(record.score, at, this.deps.agingPointsPerMinute);
    const moved = await store.handOff(record, reason, rank, at);
    if (!moved.held) return moved.state;
    metrics.assistantHandoffs.inc({ reason });
    await this.deps.bus.publish({ t: 'queue-changed' });
    await this.deps.dispatcher.placeNew(record.id);
    return 'queued';
  }

  /**
   * In the system of record first, with the assistant's last line: from then on no assistant line
   * can be stored. When PostgreSQL is away the change goes through the outbox without the line;
   * the assistant, which reads the hot state first, says nothing more anyway once the queue has
   * the case.
   */
  private async recordHandoff(record: RequestRecord, reason: HandoffReason, at: number): Promise<void> {
    try {
      await this.deps.lines.sayHandover(record.id, handingOverText(record.language), `handoff_${reason}`, at);
    } catch (error) {
      this.deps.log.warn(
        { err: error, requestId: record.id },
        'could not record the handoff now; queued to retry',
      );
      await this.deps.records.keep('handoff', {
        kind: 'transition',
        caseId: record.id,
        state: 'queued',
        reason: `handoff_${reason}`,
        at,
      });
    }
  }

  /** Hands over held cases whose user said nothing more for the idle time (any instance may sweep). */
  async sweepDue(): Promise<number> {
    const { store, queue, now } = this.deps;
    let handed = 0;
    for (const id of await store.due(now(), DUE_BATCH)) {
      const record = await queue.getRequest(id);
      if (!record || record.state !== 'assistant') {
        await store.forget(id);
        continue;
      }
      if ((await this.handOff(record, 'unanswered')) === 'queued') handed += 1;
    }
    return handed;
  }
}
