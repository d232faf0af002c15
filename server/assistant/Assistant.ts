import {
  decideAfterNotHelped,
  decideNextReply,
  type AssistantDecision,
  type AssistantSettings,
} from '../../core/assistant/decide.js';
import { answerText, gladText } from '../../core/assistant/phrases.js';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { KbHit } from '../../core/protocol/kb.js';
import {
  KB_LIMITS,
  type AssistantAnswer,
  type HandoffReason,
  type RequestState,
} from '../../core/protocol/vocabulary.js';
import { primaryLanguage } from '../../core/routing/eligibility.js';
import type { KbRepository } from '../../platform/db/KbRepository.js';
import type { AssistantStore, HoldResult } from '../../platform/stores/AssistantStore.js';
import type { NewRequest, RequestRecord } from '../../platform/stores/records.js';
import type { Principal } from '../auth/principal.js';
import type { RoutingDeps } from '../routing/deps.js';
import type { AssistantHandoffs } from './AssistantHandoffs.js';
import type { AssistantLines } from './AssistantLines.js';
import type { UrgencyUpdate } from './UrgencyUpdate.js';

/** How long a held case may wait for its first answer before the sweep hands it over (an instance died). */
const FIRST_ANSWER_MS = 30_000;

export interface AssistantDeps extends Pick<
  RoutingDeps,
  'queue' | 'floor' | 'records' | 'bus' | 'metrics' | 'now' | 'log'
> {
  store: AssistantStore;
  kb: Pick<KbRepository, 'search'>;
  lines: AssistantLines;
  handoffs: AssistantHandoffs;
  urgency: UrgencyUpdate;
  settings: AssistantSettings & { enabled: boolean; idleHandoffMs: number };
}

/** What the user's answer led to: the case's state, and why it went to a person if it did. */
export interface AnswerOutcome {
  state: RequestState;
  handoffReason?: HandoffReason;
  answered?: boolean;
}

/**
 * The front door of text conversations: answers from the knowledge base while it holds a case,
 * and steps aside for a person whenever it matters (see core/assistant/decide.ts). It acts only
 * while the hot state says it holds the case, and its lines are stored only while the system of
 * record agrees, so it never speaks after a person has the case.
 */
export class Assistant {
  constructor(private readonly deps: AssistantDeps) {}

  /** Whether a new request is the assistant's to answer first: null when it is not (calls, opted out). */
  async firstLook(request: NewRequest, wanted: boolean): Promise<AssistantDecision | null> {
    if (!this.deps.settings.enabled || !wanted || request.channel !== 'text' || !request.text) return null;
    const started = performance.now();
    const decision = await this.decide(request, request.text, []);
    this.deps.metrics.assistantReplySeconds.observe((performance.now() - started) / 1000);
    if (decision.kind === 'handoff') {
      this.deps.metrics.assistantHandoffs.inc({ reason: decision.reason });
      await this.deps.floor.steppedAside(decision.reason);
    }
    return decision;
  }

  /**
   * Holds a new case (written to the system of record as `assistant`) and gives the first answer.
   * A case it cannot answer after all goes to a person; one whose answer an instance died giving
   * is handed over by the sweep soon after (its first deadline is short).
   */
  async take(
    request: NewRequest,
    rank: number,
    articles: readonly KbHit[],
    activeTtlMs: number,
  ): Promise<HoldResult> {
    const dueAt = this.deps.now() + FIRST_ANSWER_MS;
    const held = await this.deps.store.hold(request, rank, { activeTtlMs, dueAt });
    if (held.status !== 'OK') return held;
    const record: RequestRecord = { ...request, state: 'assistant', declinedBy: {}, routingReasons: [] };
    const said = await this.say(record, articles, false).catch(() => false);
    if (said) this.deps.metrics.assistantAnswers.inc({ turn: 'first' });
    else await this.deps.handoffs.handOff(record, 'assistant_unavailable');
    return held;
  }

  /** A line the user wrote (or a file they sent) while the assistant may hold their case. */
  async heard(requestId: string, line: { body: string; hasAttachment: boolean }): Promise<void> {
    const record = await this.deps.queue.getRequest(requestId);
    if (record?.state !== 'assistant') return;
    const started = performance.now();
    if (line.hasAttachment) return void (await this.deps.handoffs.handOff(record, 'recorded_message'));
    const current = await this.deps.urgency.withLine(record, line.body);
    const decision = await this.decide(current, line.body, record.assistant?.shownArticleIds ?? []);
    await this.answerAgain(current, decision);
    this.deps.metrics.assistantReplySeconds.observe((performance.now() - started) / 1000);
  }

  /** The user's answer to "did this solve it?", or the button that asks for a person. */
  async answer(principal: Principal, requestId: string, answer: AssistantAnswer): Promise<AnswerOutcome> {
    if (principal.kind !== 'user' || principal.requestId !== requestId)
      throw new LifelineError('LIFELINE_FORBIDDEN', 'Only the request’s own user answers the assistant');
    const record = await this.deps.queue.getRequest(requestId);
    if (!record) throw new LifelineError('LIFELINE_NOT_FOUND');
    if (record.state !== 'assistant') return { state: record.state, ...handoffOf(record) };
    if (answer === 'solved') return this.solved(record);
    if (answer === 'human') return this.handOff(record, 'asked_for_human');
    const turn = await this.deps.store.turn(requestId, { dueAt: this.idleDeadline(), notHelped: true });
    if (!turn.held) return { state: turn.state as RequestState };
    const giveUp = decideAfterNotHelped(turn.notHelped);
    if (giveUp?.kind === 'handoff') return this.handOff(record, giveUp.reason);
    const said = [record.text, ...(await this.deps.lines.userLines(requestId))].join('\n');
    const decision = await this.decide(record, said, record.assistant?.shownArticleIds ?? []);
    return this.answerAgain(record, decision);
  }

  /** Hands over held cases whose user went quiet; for the sweep. */
  sweepDue(): Promise<number> {
    return this.deps.handoffs.sweepDue();
  }

  private async decide(
    request: NewRequest,
    text: string,
    shown: readonly string[],
  ): Promise<AssistantDecision> {
    const language = primaryLanguage(request.language);
    let hits: KbHit[];
    try {
      hits = await this.deps.kb.search(text.slice(0, KB_LIMITS.queryChars), {
        language,
        limit: this.deps.settings.maxArticles + shown.length,
      });
    } catch (error) {
      this.deps.log.warn({ err: error, requestId: request.id }, 'could not search the knowledge base');
      return { kind: 'handoff', reason: 'assistant_unavailable' };
    }
    return decideNextReply(
      { text, language, level: request.level, tier: request.tier, hits },
      shown,
      this.deps.settings,
    );
  }

  /** A later answer, or the handoff the decision calls for. */
  private async answerAgain(record: RequestRecord, decision: AssistantDecision): Promise<AnswerOutcome> {
    if (decision.kind === 'handoff') return this.handOff(record, decision.reason);
    const said = await this.say(record, decision.articles, true);
    if (!said) return { state: (await this.deps.queue.getRequest(record.id))?.state ?? 'queued' };
    this.deps.metrics.assistantAnswers.inc({ turn: 'again' });
    return { state: 'assistant', answered: true };
  }

  /** Stores the answer (only while held) and remembers the articles given, so none is given twice. */
  private async say(record: RequestRecord, articles: readonly KbHit[], again: boolean): Promise<boolean> {
    const body = answerText(record.language, articles, again);
    const links = articles.map(({ id, title }) => ({ id, title }));
    const said = await this.deps.lines.sayWhileHeld(record.id, body, links);
    if (!said) return false;
    const shown = [...(record.assistant?.shownArticleIds ?? []), ...links.map((link) => link.id)];
    await this.deps.store.turn(record.id, { dueAt: this.idleDeadline(), shownArticleIds: shown });
    return true;
  }

  private async handOff(record: RequestRecord, reason: HandoffReason): Promise<AnswerOutcome> {
    const state = (await this.deps.handoffs.handOff(record, reason)) as RequestState;
    return state === 'queued' ? { state, handoffReason: reason } : { state };
  }

  private async solved(record: RequestRecord): Promise<AnswerOutcome> {
    const { store, now, records, metrics, bus } = this.deps;
    const closed = await store.selfServed(record.id, now());
    if (!closed.held) return { state: closed.state as RequestState };
    metrics.assistantDeflections.inc();
    await records.keep('self-served', {
      kind: 'transition',
      caseId: record.id,
      state: 'self_served',
      reason: 'solved_by_article',
      at: now(),
    });
    await this.deps.lines.sayClosing(record.id, gladText(record.language)).catch(() => {});
    const frame = { type: 'request.closed' as const, requestId: record.id, reason: 'self_served' as const };
    await bus.publish({ t: 'request', requestId: record.id, frame });
    return { state: 'self_served' };
  }

  private idleDeadline(): number {
    return this.deps.now() + this.deps.settings.idleHandoffMs;
  }
}

const handoffOf = (record: RequestRecord) =>
  record.handoffReason ? { handoffReason: record.handoffReason } : {};
