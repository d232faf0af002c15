import { URGENCY_LEVELS, type CategoryName, type Sentiment } from '../protocol/vocabulary.js';
import type { UrgencyLevel as Level } from '../protocol/vocabulary.js';
import type { CategoryChoice } from './detect.js';
import type { LevelDecision } from './levels.js';
import { describeFeature } from './model/features.js';
import { compileHeads, lookUp, predictHead, type CompiledHeads, type Prediction } from './model/linear.js';
import type { TriageModel } from './model/triageModel.js';

/** How the rules and the learned model are weighed; chosen by cross-validation on the training corpus. */
export interface BlendOptions {
  /** The model's category wins over the word lists' from this probability up. */
  categoryTrust: number;
  /** Below this the model names no category: the user's pick, or general. */
  categoryMin: number;
  /** The model's level wins over the rules' from this probability up (never below a floor). */
  levelTrust: number;
}

export const BLEND: BlendOptions = { categoryTrust: 0.8, categoryMin: 0.4, levelTrust: 0.5 };

/** Features asked for per decision; fewer are shown once small and repeated ones are dropped. */
const EXPLAIN = 8;

export interface Learned {
  category: Prediction<CategoryName>;
  level: Prediction<Level>;
  sentiment: Prediction<Sentiment>;
}

const COMPILED = new WeakMap<TriageModel, CompiledHeads>();

/** The three heads' predictions for a text's features; the model is indexed on first use. */
export function learn(model: TriageModel, features: readonly string[]): Learned {
  let compiled = COMPILED.get(model);
  if (!compiled)
    COMPILED.set(model, (compiled = compileHeads([model.category, model.level, model.sentiment])));
  const seen = lookUp(compiled, features);
  const [category, level, sentiment] = compiled.weights as [Int32Array, Int32Array, Int32Array];
  return {
    category: predictHead(model.category, category, compiled.names, seen, EXPLAIN),
    level: predictHead(model.level, level, compiled.names, seen, EXPLAIN),
    // Sentiment's reasons are never shown: no need to rank its features.
    sentiment: predictHead(model.sentiment, sentiment, compiled.names, seen, 0),
  };
}

/** "learned model 0.87 from “hackearon”, “…cuenta”": the probability and the features that pushed hardest. */
function because(p: Prediction<string>): string {
  const shown = [...new Set(p.strongest.map(describeFeature).filter((d) => d !== null))].slice(0, 3);
  return `learned model ${p.probability.toFixed(2)}${shown.length ? ` from ${shown.join(', ')}` : ''}`;
}

/** The word lists' choice, with the terms that decided it. */
export const rulesCategory = (rules: CategoryChoice) => ({
  category: rules.category,
  reason: `${rules.category}: ${rules.evidence.join(', ')}`,
});

/** The rules' category when they found harm that names it, else the model's when it is sure enough. */
export function blendCategory(
  rules: CategoryChoice | null,
  floor: boolean,
  learned: Learned,
  options: BlendOptions,
): { category: CategoryName; reason: string } | null {
  const model = learned.category;
  if (rules && (floor || model.probability < options.categoryTrust || model.label === rules.category))
    return rulesCategory(rules);
  if (model.probability < options.categoryMin) return null;
  return { category: model.label, reason: `${model.label}: ${because(model)}` };
}

const rank = (level: Level) => URGENCY_LEVELS.indexOf(level);

/** The model's level, never below a safety floor the rules found. */
export function blendLevel(
  rules: LevelDecision,
  learned: Learned,
  options: BlendOptions,
): { level: Level; reasons: string[] } {
  const model = learned.level;
  if (model.probability < options.levelTrust && model.label !== rules.level)
    return {
      level: rules.level,
      reasons: [`${rules.level}: ${rules.because}`, `learned model unsure: ${model.label}`],
    };
  if (rules.floor && rank(rules.level) <= rank(model.label))
    return { level: rules.level, reasons: [`${rules.level}: ${rules.because} (safety floor)`] };
  if (model.label === rules.level)
    return { level: model.label, reasons: [`${model.label}: ${rules.because}; ${because(model)}`] };
  return {
    level: model.label,
    reasons: [`${model.label}: ${because(model)}`, `rules alone: ${rules.level}`],
  };
}
