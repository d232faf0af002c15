/**
 * How words of the word-list languages are compared (see lexicon/languages/types.ts): users type
 * with and without accents, tones and Arabic diacritics, so both the text and the terms are
 * folded to one form.
 */

const LATIN_MARKS = /[\u0300-\u036f]/g;
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const DEVANAGARI_NUKTA = /\u093c/g;
const ARABIC = /\p{Script=Arabic}/u;

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (ARABIC.test(lower))
    return lower
      .replace(ARABIC_MARKS, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي');
  return lower
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(DEVANAGARI_NUKTA, '')
    .normalize('NFC')
    .replace(/['’]/g, '');
}

/** Arabic attaches conjunctions, prepositions and the article to the word; longest first. */
const ARABIC_CLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** The forms of a folded Arabic word with one leading clitic removed; none for other scripts. */
export function cliticFree(folded: string): string[] | undefined {
  if (!ARABIC.test(folded)) return undefined;
  const forms = ARABIC_CLITICS.filter((c) => folded.startsWith(c) && folded.length - c.length >= 2).map((c) =>
    folded.slice(c.length),
  );
  return forms.length > 0 ? forms : undefined;
}
