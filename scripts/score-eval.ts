/**
 * `npm run score:eval -- [file.jsonl]`: accuracy of the scorer on a labelled set
 * (`{text, category, level, sentiment}` per line); defaults to ../shared/data/urgency-dev.jsonl.
 * Prints the misses so they can be read, not memorised.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreUrgency } from '../core/urgency/score.js';
import { REPO_ROOT } from './lib/paths.js';

const file = process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data', 'urgency-dev.jsonl');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map(
    (l) =>
      JSON.parse(l) as { text: string; lang?: string; category: string; level: string; sentiment: string },
  );
const fields = ['category', 'level', 'sentiment'] as const;
const right = { category: 0, level: 0, sentiment: 0 };
for (const row of rows) {
  const got = scoreUrgency({ text: row.text, language: row.lang, tier: 'regular', repeatContacts: 0 });
  const misses = fields.filter((f) => got[f] !== row[f]);
  for (const f of fields) if (got[f] === row[f]) right[f] += 1;
  if (misses.length > 0)
    console.log(`miss ${misses.map((f) => `${f} ${got[f]}≠${row[f]}`).join('; ')} :: ${row.text}`);
}
const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
console.log(
  `${rows.length} requests — category ${pct(right.category)}, level ${pct(right.level)}, sentiment ${pct(right.sentiment)}`,
);
