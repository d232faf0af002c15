/**
 * The word lists alone on the training corpus, per language, with the misses of one language:
 * `npx tsx scripts/triage/rules-eval.mts [lang] [--misses]`. For writing lexicons; never run on
 * a held-out set (scripts/triage/evaluate.mts reports those, once).
 */
import { createScorer } from '../../core/urgency/score.js';
import { readSet } from './corpus.js';
import { table } from './metrics.js';

const lang = process.argv.slice(2).find((a) => !a.startsWith('--'));
const rows = readSet('train').filter((r) => !lang || r.lang === lang);
const rulesOnly = createScorer(null);
const verdicts = rows.map((row) =>
  rulesOnly({ text: row.text, language: row.lang, tier: 'regular', repeatContacts: 0 }),
);
if (process.argv.includes('--misses'))
  rows.forEach((row, i) => {
    const got = verdicts[i]!;
    const misses = (['category', 'level', 'sentiment'] as const).filter((f) => got[f] !== row[f]);
    if (misses.length > 0)
      console.log(`${misses.map((f) => `${f} ${got[f]}≠${row[f]}`).join('; ')} :: ${row.text}`);
  });
console.log(table(rows, verdicts));
