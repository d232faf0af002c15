import { FOREIGN_NEGATORS, WORD_LEXICONS } from './lexicon/languages/index.js';
import type { LanguageLexicon } from './lexicon/languages/types.js';
import type { SignalTerms } from './lexicon/signals.js';
import { containsPhrase, findPhrase, negatedAt, stem, type PreparedText } from './text.js';
import {
  compileWordTerm,
  indexKeyOf,
  keysOfWord,
  matchesWordTerm,
  negatorsOf,
  type WordTerm,
} from './wordTerms.js';

interface EnglishTerm {
  text: string;
  words: string[];
}

/**
 * One list (a signal, a concept or a category) in every language. Its English and word-list
 * terms live in indexes shared by all lists, keyed by each term's first word, so a text is
 * looked up once and then tried only against the terms its own words can begin: with ten
 * languages' lists, trying every term of every list was several times the scorer's budget.
 */
export interface TermList {
  id: number;
  chinese: { text: string; pattern: RegExp }[];
}

interface Indexed<T> {
  list: number;
  term: T;
  /** Its place among all terms, so found terms are reported in the order they were written. */
  order: number;
}

const ENGLISH_INDEX = new Map<string, Indexed<EnglishTerm>[]>();
const WORD_INDEX = new Map<string, Indexed<WordTerm>[]>();
let lists = 0;
let terms = 0;

const LEXICONS = Object.values(WORD_LEXICONS).map((lexicon) => ({ lexicon, negators: negatorsOf(lexicon) }));

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileList(
  signalTerms: SignalTerms,
  inOtherLanguages: (lexicon: LanguageLexicon) => readonly string[] | undefined,
): TermList {
  const id = (lists += 1);
  for (const text of signalTerms.en) {
    const words = text.split(/\s+/).map(stem);
    push(ENGLISH_INDEX, words[0]!, { list: id, term: { text, words }, order: (terms += 1) });
  }
  for (const { lexicon, negators } of LEXICONS)
    for (const text of inOtherLanguages(lexicon) ?? []) {
      const term = compileWordTerm(text, negators);
      const key = indexKeyOf(term);
      push(WORD_INDEX, 'exact' in key ? key.exact : `${key.prefix}*`, {
        list: id,
        term,
        order: (terms += 1),
      });
    }
  const chinese = signalTerms.zh.map((text) => ({ text, pattern: new RegExp(text, 'u') }));
  return { id, chinese };
}

/**
 * Negators of the other languages, as English tokens: their speakers write English words among
 * their own ("akun gak di-hack", "account hack nahi hua"), and the English list must not count
 * a harm they deny.
 */
const latinTokens = (words: ReadonlySet<string>) => [...words].map(stem).filter((w) => /^[a-z]+$/.test(w));
const FOREIGN_BEFORE = new Set(latinTokens(FOREIGN_NEGATORS.before));
const FOREIGN_AFTER = new Set(latinTokens(FOREIGN_NEGATORS.after));

function deniedEnglish(tokens: readonly string[], at: number, length: number): boolean {
  if (negatedAt(tokens, at)) return true;
  if ([at - 1, at - 2].some((i) => i >= 0 && FOREIGN_BEFORE.has(tokens[i]!))) return true;
  const end = at + length - 1;
  return [end + 1, end + 2, end + 3].some((i) => i < tokens.length && FOREIGN_AFTER.has(tokens[i]!));
}

function affirmedPhrase(tokens: readonly string[], words: readonly string[]): boolean {
  for (let at = findPhrase(tokens, words); at >= 0; at = findPhrase(tokens, words, 2, at + 1))
    if (!deniedEnglish(tokens, at, words.length)) return true;
  return false;
}

interface Candidates {
  english: Map<number, EnglishTerm[]>;
  words: Map<number, WordTerm[]>;
}

/** Every term a text's words can begin, grouped by list; worked out once per text. */
const CANDIDATES = new WeakMap<PreparedText, Candidates>();

function group<T>(index: Map<string, Indexed<T>[]>, keys: Iterable<string>): Map<number, T[]> {
  const found = new Set<Indexed<T>>();
  for (const key of keys) for (const entry of index.get(key) ?? []) found.add(entry);
  const byList = new Map<number, T[]>();
  for (const entry of [...found].sort((a, b) => a.order - b.order)) {
    const list = byList.get(entry.list);
    if (list) list.push(entry.term);
    else byList.set(entry.list, [entry.term]);
  }
  return byList;
}

function candidatesOf(prepared: PreparedText): Candidates {
  let found = CANDIDATES.get(prepared);
  if (!found) {
    const keys = prepared.words.flatMap((_, i) => keysOfWord(prepared, i));
    found = { english: group(ENGLISH_INDEX, prepared.tokens), words: group(WORD_INDEX, keys) };
    CANDIDATES.set(prepared, found);
  }
  return found;
}

const ZH_NEGATION = /(没有|没|不是|未|并没)$/u;

/**
 * The terms of a list found in the text; Chinese patterns never span a clause break. With
 * `honourNegation`, "wasn't hacked", "no me hackearon" or "没有被盗" does not count as the harm it names.
 */
export function matchList(prepared: PreparedText, list: TermList, honourNegation = false): string[] {
  const found: string[] = [];
  const candidates = candidatesOf(prepared);
  for (const term of candidates.english.get(list.id) ?? [])
    if (
      honourNegation
        ? affirmedPhrase(prepared.tokens, term.words)
        : containsPhrase(prepared.tokens, term.words)
    )
      found.push(term.text);
  for (const term of candidates.words.get(list.id) ?? [])
    if (matchesWordTerm(prepared, term, honourNegation)) found.push(term.text);
  for (const term of list.chinese) {
    for (const clause of prepared.hanClauses) {
      const hit = term.pattern.exec(clause);
      if (hit && !(honourNegation && ZH_NEGATION.test(clause.slice(0, hit.index)))) {
        found.push(hit[0]);
        break;
      }
    }
  }
  return found;
}
