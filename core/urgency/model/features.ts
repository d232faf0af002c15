import { FOREIGN_NEGATORS } from '../lexicon/languages/index.js';
import { ENGLISH_NEGATORS, type PreparedText } from '../text.js';

/**
 * What the learned model sees of a text (already in Simplified Chinese where it is Chinese),
 * read from the clauses prepareText made of it:
 * folded words and word pairs, character n-grams of each word (which carry across inflections,
 * typos and unspaced Hinglish), Han character n-grams per clause, each emoji, and the shape of
 * the message (shouting, "!!!", a question). Features are present or absent, never counted.
 */

const EMOJI = /\p{Extended_Pictographic}/gu;

const NEGATES_NEXT = new Set([...ENGLISH_NEGATORS, ...FOREIGN_NEGATORS.before]);
const NEGATES_PREVIOUS = FOREIGN_NEGATORS.after;

/** Words denied by a negator within two words (before it, or after it where the language puts it there). */
function negatedWords(words: readonly string[], into: Set<string>): void {
  words.forEach((word, i) => {
    if (NEGATES_NEXT.has(word)) for (const next of words.slice(i + 1, i + 3)) into.add(`n:${next}`);
    if (NEGATES_PREVIOUS.has(word))
      for (const prev of words.slice(Math.max(0, i - 2), i)) into.add(`n:${prev}`);
  });
}

const SURROGATE = /[\ud800-\udfff]/;

/** Each n-gram, `min` to `max` characters long (code points, so astral characters stay whole). */
function grams(text: string, min: number, max: number, prefix: string, into: Set<string>): void {
  if (!SURROGATE.test(text)) {
    for (let n = min; n <= max; n += 1)
      for (let i = 0; i + n <= text.length; i += 1) into.add(prefix + text.slice(i, i + n));
    return;
  }
  const chars = [...text];
  for (let n = min; n <= max; n += 1)
    for (let i = 0; i + n <= chars.length; i += 1) into.add(prefix + chars.slice(i, i + n).join(''));
}

/** Longer grams added size and time and did no better in cross-validation. */
const MAX_GRAM = 4;
/** Character n-grams of one word padded with spaces, so its start and end are features too. */
const wordGrams = (word: string, into: Set<string>) => grams(` ${word} `, 3, MAX_GRAM, 'c:', into);
const hanGrams = (clause: string, into: Set<string>) => grams(clause, 1, 3, 'h:', into);

function shapeOf(text: string, into: Set<string>): void {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  if (upper >= 8 && upper > 2 * lower) into.add('m:shouting');
  if (/[!！]{2,}/u.test(text)) into.add('m:exclamations');
  if (/[?？؟]/u.test(text)) into.add('m:question');
  for (const emoji of text.match(EMOJI) ?? []) {
    into.add(`e:${emoji}`);
    into.add('m:emoji');
  }
}

/** The features of a text, from the clauses the rules already prepared (one segmentation serves both). */
export function featuresOf(prepared: PreparedText, text: string): string[] {
  const features = new Set<string>();
  shapeOf(text.normalize('NFKC'), features);
  for (const clause of prepared.clauses) {
    clause.words.forEach((word, i) => {
      features.add(`w:${word}`);
      if (i > 0) features.add(`b:${clause.words[i - 1]!} ${word}`);
      wordGrams(word, features);
      // Tones and accents carry meaning when they are typed; folded forms meet the texts without.
      const lower = clause.lowerWords[i]!;
      if (lower !== word) features.add(`w:${lower}`);
      for (const bare of clause.wordAlts[i] ?? []) {
        features.add(`w:${bare}`);
        wordGrams(bare, features);
      }
    });
    negatedWords(clause.words, features);
    for (const word of clause.hanWords) features.add(`w:${word}`);
    if (clause.han) hanGrams(clause.han, features);
  }
  return [...features];
}

/**
 * A feature as an agent can read it in the reasons, or null when it is too small to mean
 * anything on its own (a two-letter piece of a word).
 */
export function describeFeature(feature: string): string | null {
  const body = feature.slice(2);
  switch (feature[0]) {
    case 'm':
      return `(${body})`;
    case 'n':
      return `“not ${body}”`;
    case 'c': {
      const core = body.trim();
      if ([...core].length < 3) return null;
      return `“${body.startsWith(' ') ? '' : '…'}${core}${body.endsWith(' ') ? '' : '…'}”`;
    }
    case 'h':
      return [...body].length < 2 ? null : `“${body}”`;
    default:
      return `“${body}”`;
  }
}
