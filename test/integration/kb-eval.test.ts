import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSISTANT_SETTINGS, type AssistantSettings } from '../../core/assistant/decide.js';
import { demoArticles } from '../../scripts/lib/demo-kb.js';
import {
  evaluateKb,
  evaluationTable,
  type KbEvaluation,
  type LabelledQuestion,
} from '../../scripts/lib/kbEval.js';
import { startCluster, type Cluster } from '../support/cluster.js';

/**
 * The labelled questions (test/fixtures/kb-questions.jsonl, written to the rubric before any
 * search existed) against the demo knowledge base in PostgreSQL and the assistant's first
 * decision: article accuracy, answers that would be wrong, and who is handed to a person.
 */
/** The settings the assistant runs with by default. */
export const ASSISTANT: AssistantSettings = DEFAULT_ASSISTANT_SETTINGS;

const questions = readFileSync(new URL('../fixtures/kb-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabelledQuestion);

let cluster: Cluster;
let evaluation: KbEvaluation;

beforeAll(async () => {
  cluster = await startCluster(1);
  const { kb } = cluster.instances[0]!.app.lifeline;
  const keys = new Map<string, string>();
  for (const { key, ...article } of demoArticles())
    keys.set((await kb.create({ ...article, category: article.category as never })).id, key);
  evaluation = await evaluateKb(
    questions,
    (text, lang) => kb.search(text, { language: lang, limit: 3 }),
    (id) => keys.get(id),
    ASSISTANT,
  );
  console.info(`knowledge base on ${questions.length} labelled questions\n${evaluationTable(evaluation)}`);
}, 60_000);
afterAll(() => cluster.close());

const share = (n: number, of: number) => n / Math.max(1, of);

/**
 * Floors under the figures measured when the threshold was set on this same set (2026-11-24:
 * top-1 68.9%, top-3 88.5%, 12.8% of answers with no right article): a change that makes the
 * search or the decision worse fails here. They are not held-out figures.
 */
describe('the assistant over the demo knowledge base', () => {
  it('is measured on at least 150 labelled questions', () => {
    expect(evaluation.questions).toBeGreaterThanOrEqual(150);
  });

  it('finds the answering article first for two in three questions, among three for most', () => {
    expect(share(evaluation.top1, evaluation.answerable)).toBeGreaterThanOrEqual(0.65);
    expect(share(evaluation.top3, evaluation.answerable)).toBeGreaterThanOrEqual(0.85);
    expect(share(evaluation.noneRight, evaluation.answered)).toBeLessThanOrEqual(0.15);
  });

  it('hands every request for a person to a person', () => {
    expect(evaluation.missedByKind.ask_human ?? 0).toBe(0);
    expect(evaluation.handoffs.asked_for_human).toBeGreaterThanOrEqual(15);
  });

  // Five urgent messages (self-harm, threats, money taken as we speak) score "normal" today, so
  // the assistant would answer them: the scorer's gap, for the triage issue. Never more.
  it('answers no more urgent messages than the scorer misses today', () => {
    expect(evaluation.missedByKind.urgent ?? 0).toBeLessThanOrEqual(5);
  });
});
