import { ar } from './ar.js';
import { es } from './es.js';
import { hi } from './hi.js';
import { hiLatn } from './hiLatn.js';
import { id } from './id.js';
import { pt } from './pt.js';
import { vi } from './vi.js';
import type { LanguageLexicon } from './types.js';
import { foldWord } from '../../fold.js';

/**
 * The word-list languages, by the tag the identifier gives. All are matched against every text,
 * not only the text's detected language: short and mixed messages are common, and each list is
 * read with its own negation, so one language's words cannot be denied by another's.
 */
export const WORD_LEXICONS: Readonly<Record<string, LanguageLexicon>> = {
  es,
  pt,
  id,
  vi,
  hi,
  'hi-Latn': hiLatn,
  ar,
};

const lexicons = Object.values(WORD_LEXICONS);

/** Every word-list language's negators, folded: for English words in their text and for the model. */
export const FOREIGN_NEGATORS = {
  before: new Set(lexicons.flatMap((l) => l.negatorsBefore.map(foldWord))),
  after: new Set(lexicons.flatMap((l) => l.negatorsAfter.map(foldWord))),
};
