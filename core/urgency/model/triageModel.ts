import type { CategoryName, Sentiment, UrgencyLevel } from '../../protocol/vocabulary.js';
import type { LinearHead } from './linear.js';

/** How a model was trained (scripts/triage/train.ts), kept in the file for repeatability. */
export interface TrainOptions {
  epochs: number;
  /** Adagrad's base step. */
  rate: number;
  /** L2 penalty per update, scaled by the step. */
  l2: number;
  /** A feature must occur in this many training texts to get weights. */
  minDocs: number;
  /** Rows whose largest weight is below this (thousandths) are dropped from the shipped file. */
  prune: number;
  seed: number;
}

/** The shipped model: three heads over one feature space, and what it was trained on. */
export interface TriageModel {
  version: 1;
  corpus: { rows: number; sha256: string };
  options: TrainOptions;
  category: LinearHead<CategoryName>;
  level: LinearHead<UrgencyLevel>;
  sentiment: LinearHead<Sentiment>;
}
