/**
 * `npm run triage:train`: trains the shipped model on data/triage/train and writes
 * core/urgency/model/triage-model.json. Deterministic: the same corpus gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/paths.js';
import { readSet } from './corpus.js';
import { trainModel } from './train.js';

export const MODEL_FILE = join(REPO_ROOT, 'core', 'urgency', 'model', 'triage-model.json');

const rows = readSet('train');
const started = performance.now();
const model = trainModel(rows);
writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
const features = Object.keys(model.category.weights).length;
console.log(
  `trained on ${rows.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s; ${features} category features → ${MODEL_FILE}`,
);
