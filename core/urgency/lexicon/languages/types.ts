import type { CategoryName } from '../../../protocol/vocabulary.js';
import type { Concept } from '../concepts.js';
import type { Signal } from '../signals.js';

/**
 * One language's word lists, for the languages written in words separated by spaces (all but
 * English, whose stemmed lists predate these, and Chinese, matched by pattern).
 *
 * A term is one or more words, matched in order with at most two other words between them. The
 * text is folded before matching: lowercase, Latin accents and Vietnamese tones removed (users
 * often type without them, so terms are written without them too: "contrasena", "bi khoa"),
 * Arabic diacritics and letter variants unified (أ إ آ → ا, ى → ي, ة → ه) and Devanagari's
 * nukta dropped. A word ending in `*` matches any word it begins ("hacke*" meets "hackearon");
 * otherwise the whole word must match. An Arabic word also matches with a leading clitic
 * (و ف ب ل ك ال وال بال…) in front of it, so "حساب*" meets "والحساب" and "بحسابي".
 */
export interface LanguageLexicon {
  /** Words that deny a term when they come within two words before it ("no me cobraron"). */
  negatorsBefore: readonly string[];
  /** Words that deny a term when they follow it within two words (Hindi: "hack nahi hua"). */
  negatorsAfter: readonly string[];
  /** First words that make a clause a question even without a question mark. */
  questionOpeners: readonly string[];
  signals: Partial<Record<Signal, readonly string[]>>;
  concepts: Partial<Record<Concept, readonly string[]>>;
  categories: Partial<Record<Exclude<CategoryName, 'general'>, readonly string[]>>;
}
