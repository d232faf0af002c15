import { foldWord } from './fold.js';
import type { LanguageLexicon } from './lexicon/languages/types.js';
import type { PreparedText } from './text.js';

interface WordPattern {
  stem: string;
  /** Written with a trailing `*`: any word beginning with `stem` matches. */
  prefix: boolean;
}

/** A term of a word-list language, ready to match, with that language's negators. */
export interface WordTerm {
  text: string;
  words: WordPattern[];
  negators: { before: ReadonlySet<string>; after: ReadonlySet<string> };
}

export type Negators = WordTerm['negators'];

export function negatorsOf(lexicon: LanguageLexicon): Negators {
  return {
    before: new Set(lexicon.negatorsBefore.map(foldWord)),
    after: new Set(lexicon.negatorsAfter.map(foldWord)),
  };
}

export function compileWordTerm(text: string, negators: Negators): WordTerm {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => {
      const prefix = word.endsWith('*');
      return { stem: foldWord(prefix ? word.slice(0, -1) : word), prefix };
    });
  return { text, words, negators };
}

const fits = (word: string, pattern: WordPattern) =>
  pattern.prefix ? word.startsWith(pattern.stem) : word === pattern.stem;

function wordMatches(prepared: PreparedText, index: number, pattern: WordPattern): boolean {
  return (
    fits(prepared.words[index]!, pattern) ||
    (prepared.wordAlts[index]?.some((w) => fits(w, pattern)) ?? false)
  );
}

const GAP = 2;

/** The indices of the term's words, in order from `start` with at most GAP words between; null if absent. */
function matchAt(prepared: PreparedText, start: number, term: WordTerm): number[] | null {
  const at = [start];
  for (let k = 1; k < term.words.length; k += 1) {
    const last = at[at.length - 1]!;
    let found = -1;
    for (let j = last + 1; j <= Math.min(prepared.words.length - 1, last + 1 + GAP); j += 1)
      if (wordMatches(prepared, j, term.words[k]!)) {
        found = j;
        break;
      }
    if (found < 0) return null;
    at.push(found);
  }
  return at;
}

/** Denied by a negator just before or (where the language puts it there) just after, or by one in a gap. */
function negated(prepared: PreparedText, at: readonly number[], negators: Negators): boolean {
  const { words } = prepared;
  const start = at[0]!;
  const end = at[at.length - 1]!;
  for (let i = Math.max(0, start - GAP); i < start; i += 1) if (negators.before.has(words[i]!)) return true;
  for (let i = end + 1; i <= Math.min(words.length - 1, end + GAP); i += 1)
    if (negators.after.has(words[i]!)) return true;
  for (let i = start + 1; i < end; i += 1)
    if (!at.includes(i) && (negators.before.has(words[i]!) || negators.after.has(words[i]!))) return true;
  return false;
}

/** True when the term occurs, and (with `honourNegation`) at least once not denied. */
export function matchesWordTerm(prepared: PreparedText, term: WordTerm, honourNegation: boolean): boolean {
  const first = term.words[0]!;
  for (let start = 0; start < prepared.words.length; start += 1) {
    if (!wordMatches(prepared, start, first)) continue;
    const at = matchAt(prepared, start, term);
    if (at && (!honourNegation || !negated(prepared, at, term.negators))) return true;
  }
  return false;
}

/** The first word's exact form, or the two letters every word it begins must start with. */
export function indexKeyOf(term: WordTerm): { exact: string } | { prefix: string } {
  const first = term.words[0]!;
  return first.prefix ? { prefix: [...first.stem].slice(0, 2).join('') } : { exact: first.stem };
}

/** The keys a text word can meet terms under, for indexKeyOf. */
export function keysOfWord(prepared: PreparedText, index: number): string[] {
  const forms = [prepared.words[index]!, ...(prepared.wordAlts[index] ?? [])];
  return forms.flatMap((form) => [form, `${[...form].slice(0, 2).join('')}*`]);
}
