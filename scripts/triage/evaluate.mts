/**
 * `npm run triage:eval -- --cv [--folds 5]`: k-fold cross-validation on data/triage/train, for
 * the word lists alone, the learned model alone and the two blended as scoreUrgency does. Folds
 * keep every copy of a text on one side. The word lists were written while reading the whole
 * training set, so their figures here are optimistic; the model's are not.
 *
 * `npm run triage:eval -- --heldout <date>`: the shipped scorer on data/triage/heldout/<date>,
 * written to REPORT.md beside it. A held-out set is reported once: if REPORT.md exists, this
 * refuses to run again.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLEND, learn } from '../../core/urgency/blend.js';
import { createScorer, scoreUrgency } from '../../core/urgency/score.js';
import type { UrgencyScorer } from '../../core/urgency/types.js';
import { REPO_ROOT } from '../lib/paths.js';
import { readSet, TRIAGE_DATA, type Labelled } from './corpus.js';
import { foldOf, withoutTrainingTexts } from './folds.js';
import { table, type Verdict } from './metrics.js';
import { featuresFor, trainModel, TRAIN_OPTIONS } from './train.js';

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

const score = (scorer: UrgencyScorer, row: Labelled): Verdict =>
  scorer({ text: row.text, language: row.lang, tier: 'regular', repeatContacts: 0 });

function crossValidate(k: number): string {
  const rows = readSet('train');
  const blended: Verdict[] = [];
  const modelOnly: Verdict[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const model = trainModel(
      rows.filter((r) => foldOf(r, k) !== fold),
      { ...TRAIN_OPTIONS, ...(JSON.parse(valueOf('--train') ?? '{}') as object) },
    );
    const scorer = createScorer(model, { ...BLEND, ...(JSON.parse(valueOf('--blend') ?? '{}') as object) });
    rows.forEach((row, i) => {
      if (foldOf(row, k) !== fold) return;
      blended[i] = score(scorer, row);
      const learned = learn(model, featuresFor(row));
      modelOnly[i] = {
        category: learned.category.label,
        level: learned.level.label,
        sentiment: learned.sentiment.label,
      };
    });
  }
  const rulesOnly = rows.map((row) => rulesVerdict(row));
  return [
    `# Triage cross-validation (${k} folds, ${rows.length} training texts, ${new Date().toISOString().slice(0, 10)})`,
    '',
    '## Blended (what scoreUrgency does)',
    '',
    table(rows, blended),
    '',
    '## Learned model alone',
    '',
    table(rows, modelOnly),
    '',
    '## Word lists alone (written while reading this corpus: optimistic)',
    '',
    table(rows, rulesOnly),
    '',
  ].join('\n');
}

const rulesScorer = createScorer(null);
const rulesVerdict = (row: Labelled) => score(rulesScorer, row);

function heldOut(date: string): string {
  const dir = join(TRIAGE_DATA, 'heldout', date);
  const report = join(dir, 'REPORT.md');
  if (existsSync(report))
    throw new Error(`${report} exists: a held-out set is reported once. Write a new set to evaluate again.`);
  const train = readSet('train');
  const { rows, dropped } = withoutTrainingTexts(readSet(join('heldout', date)), train);
  const text = [
    `# Held-out evaluation of ${date} (run ${new Date().toISOString()})`,
    '',
    `The shipped scorer (model trained on ${train.length} training texts, blended with the word lists) on ${rows.length} held-out texts, run once. ${dropped} held-out texts were left out because the same text (folded) is also in training.`,
    '',
    '## Blended (what scoreUrgency does)',
    '',
    table(
      rows,
      rows.map((row) => score(scoreUrgency, row)),
    ),
    '',
    '## Word lists alone',
    '',
    table(rows, rows.map(rulesVerdict)),
    '',
  ].join('\n');
  writeFileSync(report, text);
  return text;
}

const date = valueOf('--heldout');
const output = date ? heldOut(date) : crossValidate(Number(valueOf('--folds') ?? 5));
if (!date) {
  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'triage-cv.md'), output);
}
console.log(output);
