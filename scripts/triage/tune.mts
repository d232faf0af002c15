/**
 * Tuning aid: trains on all of data/triage/train with the given options and scores the older
 * English/Chinese dev sets in test/fixtures (written before this corpus, in another style).
 * `npx tsx scripts/triage/tune.mts '{"l2":0.001}'`. Never pointed at a held-out set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScorer } from '../../core/urgency/score.js';
import { REPO_ROOT } from '../lib/paths.js';
import { readSet, type Labelled } from './corpus.js';
import { table } from './metrics.js';
import { trainModel, TRAIN_OPTIONS } from './train.js';

const options = { ...TRAIN_OPTIONS, ...(JSON.parse(process.argv[2] ?? '{}') as object) };
const scorer = createScorer(trainModel(readSet('train'), options));
const rows = ['urgency-holdout.jsonl', 'urgency-unseen.jsonl', 'urgency-final-unseen.jsonl'].flatMap((f) =>
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Labelled),
);
console.log(
  table(
    rows,
    rows.map((r) => scorer({ text: r.text, tier: 'regular', repeatContacts: 0 })),
  ),
);
