import { createHash } from 'node:crypto';
import { toSimplifiedChinese } from '../../core/language/chineseScript.js';
import { CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from '../../core/protocol/vocabulary.js';
import { seededRandom } from '../../core/random.js';
import { featuresOf } from '../../core/urgency/model/features.js';
import { prepareText } from '../../core/urgency/text.js';
import type { LinearHead } from '../../core/urgency/model/linear.js';
import type { TrainOptions, TriageModel } from '../../core/urgency/model/triageModel.js';
import type { Labelled } from './corpus.js';

export const TRAIN_OPTIONS: TrainOptions = {
  epochs: 20,
  rate: 0.03,
  l2: 1e-3,
  minDocs: 2,
  prune: 40,
  seed: 13,
};

interface Example<C extends string> {
  features: string[];
  label: C;
}

/** Softmax regression by Adagrad over shuffled examples; deterministic for a seed. */
export function trainHead<C extends string>(
  examples: readonly Example<C>[],
  classes: readonly C[],
  options: TrainOptions = TRAIN_OPTIONS,
): LinearHead<C> {
  const k = classes.length;
  const docs = new Map<string, number>();
  for (const { features } of examples) for (const f of features) docs.set(f, (docs.get(f) ?? 0) + 1);
  const vocabulary = [...docs].filter(([, n]) => n >= options.minDocs).map(([f]) => f);
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const w = new Float64Array(vocabulary.length * k);
  const g2 = new Float64Array(vocabulary.length * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k).fill(1e-8);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const rows = examples.map((e) => e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const labels = examples.map((e) => classes.indexOf(e.label));
  const logits = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const row = rows[at]!;
      logits.set(bias);
      for (const f of row) for (let c = 0; c < k; c += 1) logits[c]! += w[f * k + c]!;
      const max = Math.max(...logits);
      let total = 0;
      for (let c = 0; c < k; c += 1) total += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < k; c += 1) {
        const grad = logits[c]! / total - (c === labels[at] ? 1 : 0);
        biasG2[c]! += grad * grad;
        bias[c]! -= (options.rate * grad) / Math.sqrt(biasG2[c]!);
        for (const f of row) {
          const p = f * k + c;
          const g = grad + options.l2 * w[p]!;
          g2[p]! += g * g;
          w[p]! -= (options.rate * g) / Math.sqrt(g2[p]!);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((feature, f) => {
    const row = Array.from({ length: k }, (_, c) => Math.round(w[f * k + c]! * 1000));
    // Rows too small to move a decision are dropped, so the shipped file stays small.
    if (row.some((x) => Math.abs(x) >= options.prune)) weights[feature] = row;
  });
  return { classes, bias: Array.from(bias, (b) => Math.round(b * 1000) / 1000), weights };
}

/** The model's view of a labelled text, exactly as scoreUrgency will see it. */
export function featuresFor(row: Pick<Labelled, 'text'>): string[] {
  const text = toSimplifiedChinese(row.text);
  return featuresOf(prepareText(text), text);
}

export function trainModel(rows: readonly Labelled[], options: TrainOptions = TRAIN_OPTIONS): TriageModel {
  const features = rows.map(featuresFor);
  const head = <C extends string>(classes: readonly C[], label: (r: Labelled) => C) =>
    trainHead(
      rows.map((r, i) => ({ features: features[i]!, label: label(r) })),
      classes,
      options,
    );
  return {
    version: 1,
    corpus: { rows: rows.length, sha256: corpusHash(rows) },
    options,
    category: head(CATEGORIES, (r) => r.category),
    level: head(URGENCY_LEVELS, (r) => r.level),
    sentiment: head(SENTIMENTS, (r) => r.sentiment),
  };
}

export function corpusHash(rows: readonly Labelled[]): string {
  const hash = createHash('sha256');
  for (const r of rows)
    hash.update(`${JSON.stringify([r.text, r.lang, r.category, r.level, r.sentiment])}\n`);
  return hash.digest('hex');
}
