import { scoreUrgency } from '../../core/urgency/score.js';
import { readSet } from '../triage/corpus.js';

export interface ScorerRun {
  language: string;
  messages: number;
  messagesPerSecond: number;
  p50Microseconds: number;
  p99Microseconds: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * Scores the training texts of each language (rules and learned model, as the server does),
 * timing every call, for about `durationMs` per language after a warm-up over all of them.
 */
export function benchScorer(durationMs: number): ScorerRun[] {
  const rows = readSet('train');
  for (const row of rows) scoreUrgency({ text: row.text, tier: 'regular', repeatContacts: 0 });
  const languages = [...new Set(rows.map((r) => r.lang))].sort();
  return languages.map((language) => {
    const texts = rows.filter((r) => r.lang === language).map((r) => r.text);
    const times: number[] = [];
    const started = performance.now();
    while (performance.now() - started < durationMs)
      for (const text of texts) {
        const t0 = performance.now();
        scoreUrgency({ text, language, tier: 'creator', repeatContacts: 1 });
        times.push(performance.now() - t0);
      }
    const elapsed = times.reduce((a, b) => a + b, 0);
    times.sort((a, b) => a - b);
    return {
      language,
      messages: times.length,
      messagesPerSecond: Math.round((times.length / elapsed) * 1000),
      p50Microseconds: Math.round(quantile(times, 0.5) * 1000),
      p99Microseconds: Math.round(quantile(times, 0.99) * 1000),
    };
  });
}
