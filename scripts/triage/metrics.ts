import {
  CATEGORIES,
  URGENCY_LEVELS,
  type CategoryName,
  type UrgencyLevel,
} from '../../core/protocol/vocabulary.js';
import type { Labelled } from './corpus.js';

export interface Verdict {
  category: CategoryName;
  level: UrgencyLevel;
  sentiment: string;
}

export interface Scores {
  n: number;
  categoryAccuracy: number;
  categoryMacroF1: number;
  levelExact: number;
  levelWithinOne: number;
  /** Share of requests scored below their level: the costly direction in a queue. */
  levelTooLow: number;
  sentimentAccuracy: number;
}

const rank = (level: UrgencyLevel) => URGENCY_LEVELS.indexOf(level);

/** Macro-F1 over the categories that occur in the labels or the predictions. */
function macroF1(pairs: [CategoryName, CategoryName][]): number {
  const f1s: number[] = [];
  for (const category of CATEGORIES) {
    const tp = pairs.filter(([gold, got]) => gold === category && got === category).length;
    const fp = pairs.filter(([gold, got]) => gold !== category && got === category).length;
    const fn = pairs.filter(([gold, got]) => gold === category && got !== category).length;
    if (tp + fp + fn === 0) continue;
    f1s.push(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  }
  return f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length);
}

export function scoreSet(rows: readonly Labelled[], verdicts: readonly Verdict[]): Scores {
  const n = rows.length;
  let category = 0;
  let exact = 0;
  let within = 0;
  let low = 0;
  let sentiment = 0;
  rows.forEach((row, i) => {
    const got = verdicts[i]!;
    if (got.category === row.category) category += 1;
    const diff = rank(got.level) - rank(row.level);
    if (diff === 0) exact += 1;
    if (Math.abs(diff) <= 1) within += 1;
    if (diff > 0) low += 1;
    if (got.sentiment === row.sentiment) sentiment += 1;
  });
  const share = (k: number) => k / Math.max(1, n);
  return {
    n,
    categoryAccuracy: share(category),
    categoryMacroF1: macroF1(rows.map((row, i) => [row.category, verdicts[i]!.category])),
    levelExact: share(exact),
    levelWithinOne: share(within),
    levelTooLow: share(low),
    sentimentAccuracy: share(sentiment),
  };
}

/** Scores per language and overall, as Markdown table rows. */
export function table(rows: readonly Labelled[], verdicts: readonly Verdict[]): string {
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const line = (label: string, s: Scores) =>
    `| ${label} | ${s.n} | ${pct(s.categoryAccuracy)} | ${s.categoryMacroF1.toFixed(3)} | ${pct(s.levelExact)} | ${pct(s.levelWithinOne)} | ${pct(s.levelTooLow)} | ${pct(s.sentimentAccuracy)} |`;
  const pick = (lang: string) => {
    const idx = rows.flatMap((r, i) => (r.lang === lang ? [i] : []));
    return scoreSet(
      idx.map((i) => rows[i]!),
      idx.map((i) => verdicts[i]!),
    );
  };
  return [
    '| language | n | category acc | category macro-F1 | level exact | level within one | level too low | sentiment |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...langs.map((lang) => line(lang, pick(lang))),
    line('**all**', scoreSet(rows, verdicts)),
  ].join('\n');
}
