import { cliticFree, foldWord } from './fold.js';
import { WORD_LEXICONS } from './lexicon/languages/index.js';

/**
 * Turns free text into what the lexicons match against: stemmed English word tokens, folded
 * words of every other spaced script (see fold.ts), and Chinese clause text joined from
 * Intl.Segmenter's word segments.
 */

export interface Clause {
  tokens: string[];
  /** Every non-Han word, folded but not stemmed, in order. */
  words: string[];
  /** Per word, its forms without an Arabic clitic (undefined for other words). */
  wordAlts: (string[] | undefined)[];
  /** Per word, its lowercase form before folding (tones and accents kept), for the learned model. */
  lowerWords: string[];
  han: string;
  /** Han words as Intl.Segmenter splits them, for the learned model. */
  hanWords: string[];
  /** The clause closes a sentence (., !, ?, 。, ؟, । or a line break). */
  endsSentence: boolean;
  /** The clause asks rather than tells: "is my account restricted?", "是不是被限流了". */
  interrogative: boolean;
}

export interface PreparedText {
  /** Stemmed lowercase Latin-script tokens, in order. */
  tokens: string[];
  words: string[];
  wordAlts: (string[] | undefined)[];
  /** Han-script text per clause with punctuation and spaces removed. */
  hanClauses: string[];
  clauses: Clause[];
  /** True when the text contains a question (?, ？, 吗/呢 at a clause end, or a question opener). */
  question: boolean;
  script: 'latin' | 'han' | 'mixed' | 'none';
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const CLAUSE = /[^，。！？；、,.!?;:：؟،؛।\n]+[，。！？；、,.!?;:：؟،؛।\n]*/gu;
const SENTENCE_END = /[.!?。！？؟।\n]\s*$/u;
const QUESTION_OPENERS = new Set(
  [
    'how',
    'what',
    'why',
    'is',
    'are',
    'can',
    'could',
    'do',
    'does',
    'did',
    'will',
    'would',
    'should',
    'where',
    'when',
    'which',
    'who',
    ...Object.values(WORD_LEXICONS).flatMap((lexicon) => lexicon.questionOpeners),
  ].map(foldWord),
);
const ZH_QUESTION = /^(是不是|怎么|如何|为什么|能不能|会不会|可不可以|有没有|是否)|[吗呢]$/u;

/** A light stemmer: enough that charge/charged/charges or ban/banned meet; both sides use it. */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

function prepareClause(chunk: string): Clause {
  let han = '';
  const hanWords: string[] = [];
  const tokens: string[] = [];
  const words: string[] = [];
  const wordAlts: (string[] | undefined)[] = [];
  const lowerWords: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(chunk)) {
    if (!isWordLike) continue;
    if (HAN.test(segment)) {
      han += segment;
      hanWords.push(segment);
      continue;
    }
    if (LATIN.test(segment) || /\d/.test(segment)) tokens.push(stem(segment));
    const folded = foldWord(segment);
    words.push(folded);
    wordAlts.push(cliticFree(folded));
    lowerWords.push(segment.toLowerCase());
  }
  const opensWithQuestion = words.length > 0 && QUESTION_OPENERS.has(words[0]!);
  const interrogative = /[?？؟]\s*$/.test(chunk) || ZH_QUESTION.test(han) || opensWithQuestion;
  const endsSentence = SENTENCE_END.test(chunk);
  return { tokens, words, wordAlts, lowerWords, han, hanWords, interrogative, endsSentence };
}

function fromClauses(clauses: Clause[], question: boolean): PreparedText {
  const tokens = clauses.flatMap((c) => c.tokens);
  const words = clauses.flatMap((c) => c.words);
  const wordAlts = clauses.flatMap((c) => c.wordAlts);
  const hanClauses = clauses.map((c) => c.han).filter(Boolean);
  const hasHan = hanClauses.length > 0;
  const hasLatin = tokens.some((t) => LATIN.test(t));
  const script = hasHan && hasLatin ? 'mixed' : hasHan ? 'han' : hasLatin ? 'latin' : 'none';
  return { tokens, words, wordAlts, hanClauses, clauses, question, script };
}

export function prepareText(raw: string): PreparedText {
  const clauses = (raw.normalize('NFKC').match(CLAUSE) ?? [])
    .map(prepareClause)
    .filter((c) => c.words.length > 0 || c.han);
  return fromClauses(
    clauses,
    clauses.some((c) => c.interrogative),
  );
}

/** The text sentence by sentence, from its clauses (no second segmentation). */
export function sentencesOf(prepared: PreparedText): PreparedText[] {
  const sentences: PreparedText[] = [];
  let current: Clause[] = [];
  const close = () => {
    if (current.length > 0)
      sentences.push(
        fromClauses(
          current,
          current.some((c) => c.interrogative),
        ),
      );
    current = [];
  };
  for (const clause of prepared.clauses) {
    current.push(clause);
    if (clause.endsSentence) close();
  }
  close();
  return sentences.length === 1 ? [prepared] : sentences;
}

/** Only the clauses that tell: what a user states happened, not what they ask about. */
export function statementsOf(prepared: PreparedText): PreparedText {
  // The same object when nothing is asked, so what was worked out for it is reused.
  if (!prepared.question) return prepared;
  return fromClauses(
    prepared.clauses.filter((c) => !c.interrogative),
    false,
  );
}

export const ENGLISH_NEGATORS = [
  'not',
  'never',
  'no',
  'wasnt',
  'isnt',
  'didnt',
  'dont',
  'havent',
  'hasnt',
  'werent',
  'arent',
  'nt',
];
const NEGATORS = new Set(ENGLISH_NEGATORS);

/** True when one of the two words before `index` negates it ("wasn't hacked", "not charged"). */
export function negatedAt(tokens: readonly string[], index: number): boolean {
  return [index - 1, index - 2].some((i) => i >= 0 && NEGATORS.has(tokens[i]!));
}

/** Where a phrase of stemmed tokens starts, in order with at most `gap` other tokens between words; -1 if absent. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[], gap = 2, from = 0): number {
  outer: for (let start = from; start < tokens.length; start += 1) {
    if (tokens[start] !== phrase[0]) continue;
    let at = start;
    for (let k = 1; k < phrase.length; k += 1) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + gap); j += 1) {
        if (tokens[j] === phrase[k]) {
          found = j;
          break;
        }
      }
      if (found < 0) continue outer;
      at = found;
    }
    return start;
  }
  return -1;
}

export function containsPhrase(tokens: readonly string[], phrase: readonly string[], gap = 2): boolean {
  return findPhrase(tokens, phrase, gap) >= 0;
}
