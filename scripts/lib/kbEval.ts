import { decideFirstReply, type AssistantSettings, type HandoffReason } from '../../core/assistant/decide.js';
import type { KbHit } from '../../core/protocol/kb.js';
import { scoreUrgency } from '../../core/urgency/score.js';

/** One labelled question (test/fixtures/kb-questions.jsonl). */
export interface LabelledQuestion {
  text: string;
  lang: string;
  /** The key of the article that answers it, or 'none'. */
  expected: string;
  needsHuman: boolean;
  kind: string;
}

export interface KbEvaluation {
  questions: number;
  /** Questions with an article that answers them. */
  answerable: number;
  top1: number;
  top3: number;
  /** The assistant answered, but with a wrong article first, or when no article answers it. */
  falseAnswers: number;
  /** The assistant answered a question that needs a person, by the question's kind. */
  missedHandoffs: number;
  missedByKind: Record<string, number>;
  /** The assistant answered, and none of the articles it showed answers the question. */
  noneRight: number;
  answered: number;
  handoffs: Partial<Record<HandoffReason, number>>;
}

/**
 * Runs each question through the real search and the assistant's first decision, as a user's
 * first message would go, and counts against the labels. `keyOf` maps an article id to its topic.
 */
export async function evaluateKb(
  questions: readonly LabelledQuestion[],
  search: (text: string, lang: string) => Promise<KbHit[]>,
  keyOf: (articleId: string) => string | undefined,
  settings: AssistantSettings,
): Promise<KbEvaluation> {
  const result: KbEvaluation = {
    questions: questions.length,
    answerable: 0,
    top1: 0,
    top3: 0,
    falseAnswers: 0,
    missedHandoffs: 0,
    missedByKind: {},
    noneRight: 0,
    answered: 0,
    handoffs: {},
  };
  for (const question of questions) {
    const hits = await search(question.text, question.lang);
    const keys = hits.map((hit) => keyOf(hit.id));
    if (question.expected !== 'none') {
      result.answerable += 1;
      if (keys[0] === question.expected) result.top1 += 1;
      if (keys.slice(0, 3).includes(question.expected)) result.top3 += 1;
    }
    const urgency = scoreUrgency({
      text: question.text,
      language: question.lang,
      tier: 'regular',
      repeatContacts: 0,
    });
    const decision = decideFirstReply(
      { text: question.text, language: question.lang, level: urgency.level, tier: 'regular', hits },
      settings,
    );
    if (decision.kind === 'handoff') {
      result.handoffs[decision.reason] = (result.handoffs[decision.reason] ?? 0) + 1;
      continue;
    }
    result.answered += 1;
    if (question.needsHuman) {
      result.missedHandoffs += 1;
      result.missedByKind[question.kind] = (result.missedByKind[question.kind] ?? 0) + 1;
    }
    if (question.expected === 'none' || keyOf(decision.articles[0]!.id) !== question.expected)
      result.falseAnswers += 1;
    if (!decision.articles.some((article) => keyOf(article.id) === question.expected)) result.noneRight += 1;
  }
  return result;
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((1000 * n) / of) / 10}%`;

export function evaluationTable(e: KbEvaluation): string {
  return [
    '| figure | value |',
    '| --- | --- |',
    `| questions | ${e.questions} (${e.answerable} with an answering article) |`,
    `| top-1 article | ${e.top1} (${pct(e.top1, e.answerable)}) |`,
    `| top-3 article | ${e.top3} (${pct(e.top3, e.answerable)}) |`,
    `| answered by the assistant | ${e.answered} |`,
    `| … its first article wrong, or no article answers it | ${e.falseAnswers} (${pct(e.falseAnswers, e.answered)} of answers) |`,
    `| … none of the articles it showed right ("false solved" if the user said yes) | ${e.noneRight} (${pct(e.noneRight, e.answered)}) |`,
    `| … though the user needed a person | ${e.missedHandoffs} (${
      Object.entries(e.missedByKind)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none'
    }) |`,
    `| handed to a person | ${Object.entries(e.handoffs)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ')} |`,
  ].join('\n');
}
