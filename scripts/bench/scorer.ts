import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreUrgency } from '../../core/urgency/score.js';
import { REPO_ROOT } from '../lib/paths.js';

/** Scores the labelled fixture texts round-robin for about `durationMs`. */
export function benchScorer(durationMs: number) {
  const texts = ['urgency-holdout.jsonl', 'urgency-unseen.jsonl', 'urgency-final-unseen.jsonl'].flatMap(
    (file) =>
      readFileSync(join(REPO_ROOT, 'test', 'fixtures', file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  for (let i = 0; i < 500; i += 1)
    scoreUrgency({ text: texts[i % texts.length], tier: 'regular', repeatContacts: 0 });
  let scored = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 100; i += 1)
      scoreUrgency({ text: texts[(scored + i) % texts.length], tier: 'creator', repeatContacts: 1 });
    scored += 100;
  }
  const elapsedMs = performance.now() - started;
  return {
    messages: scored,
    elapsedMs: Math.round(elapsedMs),
    messagesPerSecond: Math.round((scored / elapsedMs) * 1000),
    microsecondsPerMessage: (elapsedMs * 1000) / scored,
  };
}
