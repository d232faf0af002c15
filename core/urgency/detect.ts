import type { CategoryName } from '../protocol/vocabulary.js';
import { CATEGORY_PRECEDENCE, CATEGORY_TERMS, SIGNAL_CATEGORY } from './lexicon/categoryTerms.js';
import { COMPOSITIONS, IMPLIED } from './compose.js';
import { CONCEPTS, type Concept } from './lexicon/concepts.js';
import { SIGNAL_TERMS } from './lexicon/signalTerms.js';
import { HARM_SIGNALS, SIGNALS, type Signal } from './lexicon/signals.js';
import { sentencesOf, statementsOf, type PreparedText } from './text.js';
import { compileList, matchList } from './termList.js';

const COMPILED_SIGNALS = new Map(
  SIGNALS.map((signal) => [signal, compileList(SIGNAL_TERMS[signal], (l) => l.signals[signal])]),
);
const COMPILED_CATEGORIES = new Map(
  Object.entries(CATEGORY_TERMS).map(([name, terms]) => {
    const category = name as Exclude<CategoryName, 'general'>;
    return [category as CategoryName, compileList(terms, (l) => l.categories[category])];
  }),
);

/** Signals about the user's feelings are read as said; every other signal is evidence that can be denied. */
const SAID_AS_IS = new Set<Signal>(['negative', 'positive', 'distress']);
/** Harms count only when stated; asked about, they are suspicions. A threat counts however it is put. */
const STATED_ONLY = new Set<Signal>(HARM_SIGNALS.filter((signal) => signal !== 'safety'));

export type SignalHits = Map<Signal, string[]>;

const COMPILED_CONCEPTS = new Map(
  Object.entries(CONCEPTS).map(([name, terms]) => {
    const concept = name as Concept;
    return [concept, compileList(terms, (l) => l.concepts[concept])];
  }),
);

function add(hits: SignalHits, signal: Signal, found: string[]): void {
  hits.set(signal, [...(hits.get(signal) ?? []), ...found]);
}

/** Signals composed from concepts that occur together in one sentence (see compose.ts). */
function composedSignals(prepared: PreparedText, hits: SignalHits): void {
  for (const whole of sentencesOf(prepared)) {
    const views = { all: whole, stated: statementsOf(whole) };
    const present = { all: new Map<Concept, string[]>(), stated: new Map<Concept, string[]>() };
    for (const view of ['all', 'stated'] as const) {
      for (const [concept, terms] of COMPILED_CONCEPTS) {
        const found = matchList(views[view], terms, concept !== 'notMe');
        if (found.length > 0) present[view].set(concept, found);
      }
    }
    for (const { signal, needs } of COMPOSITIONS) {
      const seen = STATED_ONLY.has(signal) ? present.stated : present.all;
      if (needs.every((concept) => seen.has(concept)))
        add(
          hits,
          signal,
          needs.map((c) => seen.get(c)![0]!),
        );
    }
  }
  for (const { signal, from } of IMPLIED) {
    const source = from.find((s) => hits.has(s));
    if (source && from.every((s) => hits.has(s))) add(hits, signal, hits.get(source)!.slice(0, 1));
  }
}

export function detectSignals(prepared: PreparedText): SignalHits {
  const hits: SignalHits = new Map();
  const stated = statementsOf(prepared);
  for (const [signal, terms] of COMPILED_SIGNALS) {
    const found = matchList(STATED_ONLY.has(signal) ? stated : prepared, terms, !SAID_AS_IS.has(signal));
    if (found.length > 0) hits.set(signal, found);
  }
  composedSignals(prepared, hits);
  for (const [signal, found] of hits) hits.set(signal, [...new Set(found)]);
  return hits;
}

export interface CategoryChoice {
  category: CategoryName;
  /** Terms that decided it, for the reasons shown to agents. */
  evidence: string[];
}

/** Each category term counts once; signals that imply a category count by their weight. */
export function chooseCategory(prepared: PreparedText, signals: SignalHits): CategoryChoice | null {
  const weights = new Map<CategoryName, { weight: number; evidence: string[] }>();
  const add = (category: CategoryName, weight: number, evidence: string[]) => {
    const entry = weights.get(category) ?? { weight: 0, evidence: [] };
    entry.weight += weight;
    entry.evidence.push(...evidence);
    weights.set(category, entry);
  };
  for (const [category, terms] of COMPILED_CATEGORIES) {
    const found = matchList(prepared, terms);
    if (found.length > 0) add(category, found.length, found);
  }
  for (const [signal, found] of signals) {
    const implied = SIGNAL_CATEGORY[signal];
    if (implied) add(implied[0], implied[1], found);
  }
  let best: CategoryName | null = null;
  for (const category of CATEGORY_PRECEDENCE) {
    const weight = weights.get(category)?.weight ?? 0;
    if (weight > 0 && (best === null || weight > weights.get(best)!.weight)) best = category;
  }
  return best ? { category: best, evidence: [...new Set(weights.get(best)!.evidence)].slice(0, 4) } : null;
}
