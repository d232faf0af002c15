/**
 * Turns free text in English, Chinese or both into what the lexicons match against: stemmed
 * English word tokens, and Chinese clause text joined from Intl.Segmenter's word segments.
 */

export interface Clause {
  tokens: string[];
  han: string;
  /** The clause asks rather than tells: "is my account restricted?", "是不是被限流了". */
  interrogative: boolean;
}

export interface PreparedText {
  /** Stemmed lowercase Latin-script tokens, in order. */
  tokens: string[];
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
const CLAUSE = /[^，。！？；、,.!?;:：\n]+[，。！？；、,.!?;:：\n]*/gu;
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
  ].map((w) => w),
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
  const tokens: string[] = [];
  let first: string | undefined;
  for (const { segment, isWordLike } of segmenter.segment(chunk)) {
    if (!isWordLike) continue;
    if (HAN.test(segment)) han += segment;
    else if (LATIN.test(segment) || /\d/.test(segment)) {
      first ??= segment.toLowerCase();
      tokens.push(stem(segment));
    }
  }
  const opensWithQuestion =
    first !== undefined && tokens.length > 0 && tokens[0] === stem(first) && QUESTION_OPENERS.has(first);
  const interrogative = /[?？]\s*$/.test(chunk) || ZH_QUESTION.test(han) || opensWithQuestion;
  return { tokens, han, interrogative };
}

function fromClauses(clauses: Clause[], question: boolean): PreparedText {
  const tokens = clauses.flatMap((c) => c.tokens);
  const hanClauses = clauses.map((c) => c.han).filter(Boolean);
  const hasHan = hanClauses.length > 0;
  const hasLatin = tokens.some((t) => LATIN.test(t));
  const script = hasHan && hasLatin ? 'mixed' : hasHan ? 'han' : hasLatin ? 'latin' : 'none';
  return { tokens, hanClauses, clauses, question, script };
}

export function prepareText(raw: string): PreparedText {
  const clauses = (raw.normalize('NFKC').match(CLAUSE) ?? [])
    .map(prepareClause)
    .filter((c) => c.tokens.length > 0 || c.han);
  return fromClauses(
    clauses,
    clauses.some((c) => c.interrogative),
  );
}

/** Only the clauses that tell: what a user states happened, not what they ask about. */
export function statementsOf(prepared: PreparedText): PreparedText {
  return fromClauses(
    prepared.clauses.filter((c) => !c.interrogative),
    false,
  );
}

const NEGATORS = new Set([
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
]);

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
