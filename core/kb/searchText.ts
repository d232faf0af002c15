import { toSimplifiedChinese } from '../language/chineseScript.js';
import { primaryLanguage } from '../routing/eligibility.js';

/**
 * Text as the full-text index reads it. PostgreSQL's parser splits on spaces and punctuation,
 * which leaves Chinese and Japanese as one long token per phrase, so those are cut into words
 * with Intl.Segmenter first, the same way when an article is written and when it is searched.
 */

/** Languages written without spaces between words. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);
/** A query longer than this many terms keeps its first ones: the rank needs no more. */
const MAX_QUERY_TERMS = 32;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, found);
  }
  return found;
}

/** The words of a text, lower case: segmented for unspaced scripts, and for any text holding them. */
export function words(text: string, language: string): string[] {
  const lang = primaryLanguage(language);
  const cut =
    UNSPACED.has(lang) || /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u.test(text) ? lang || 'zh' : lang;
  const out: string[] = [];
  // Traditional and Simplified Chinese meet in one index: both are read as Simplified.
  const readable = lang === 'zh' ? toSimplifiedChinese(text) : text;
  for (const part of segmenter(cut || 'en').segment(readable.toLowerCase()))
    if (part.isWordLike) out.push(part.segment);
  return out;
}

/** What an article is indexed under: its words, space-separated. */
export function indexText(text: string, language: string): string {
  return words(text, language).join(' ');
}

/**
 * A query's terms as a `to_tsquery` OR expression: any term may match and more matches rank
 * higher, as a question in a user's own words rarely shares every word with an article. Only
 * letters and digits survive, so nothing in a query is read as tsquery syntax.
 */
export function orQuery(text: string, language: string): string {
  const terms = new Set<string>();
  for (const word of words(text, language)) {
    const clean = word.replace(/[^\p{L}\p{N}]/gu, '');
    if (clean) terms.add(clean);
    if (terms.size >= MAX_QUERY_TERMS) break;
  }
  return [...terms].join(' | ');
}
