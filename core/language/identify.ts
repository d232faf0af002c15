import { eld } from 'eld/large';
import { chineseScript } from './chineseScript.js';
import { isRomanisedHindi } from './romanisedHindi.js';

/** The languages triage reads, as BCP 47 tags: each with its own signals (issue 13). */
export const TRIAGE_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'id', 'hi', 'ar', 'vi'] as const;

export interface LanguageGuess {
  /** A BCP 47 tag: `zh-Hans`/`zh-Hant` for Chinese, `hi-Latn` for romanised Hindi, else a primary subtag. */
  tag: string;
  /** Sure enough to route by, rather than the language the user's app or widget is set to. */
  reliable: boolean;
  /** What decided it: the writing system alone, a marker list, or the statistical detector. */
  by: 'script' | 'markers' | 'detector';
}

/** Latin-script languages the detector chooses among; Malay stands for Indonesian, which it reads alike. */
const LATIN_CANDIDATES = ['en', 'es', 'pt', 'id', 'ms', 'vi', 'tl', 'fr', 'it', 'de', 'nl', 'tr'];
/** Fewer letters than this is too little for the detector to be trusted ("ok", "hacked!!"). */
const MIN_LETTERS_FOR_DETECTOR = 12;

let detector: ReturnType<typeof eld.newInstance> | null = null;
function latinDetector() {
  if (!detector) {
    detector = eld.newInstance();
    detector.setLanguageSubset(LATIN_CANDIDATES);
  }
  return detector;
}

const count = (text: string, script: RegExp) => (text.match(script) ?? []).length;

/**
 * The language a message is written in, from its text: the writing system first (Chinese, with
 * its script told apart by OpenCC; Devanagari; Arabic; Japanese and Korean), then romanised
 * Hindi's function words, then ELD's n-gram detector for Latin-script text. Mixed messages go by
 * what most of the words are in: Chinese with a few English words is Chinese.
 */
export function identifyLanguage(text: string): LanguageGuess | null {
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const devanagari = count(text, /\p{Script=Devanagari}/gu);
  const arabic = count(text, /\p{Script=Arabic}/gu);
  const latinWords = (text.match(/\p{Script=Latin}{2,}/gu) ?? []).length;
  // A Han character carries about as much as a short word; scripts are compared in words.
  const units = {
    han: han / 1.5,
    kana: kana / 2,
    hangul: hangul / 2,
    devanagari: devanagari / 4,
    arabic: arabic / 4,
  };
  const [script, weight] = Object.entries(units).sort((a, b) => b[1] - a[1])[0]!;
  if (weight >= 1 && weight >= latinWords)
    return byScript(script === 'han' && kana > 0 ? 'kana' : script, text);
  if (latinWords === 0) return null;
  if (isRomanisedHindi(text)) return { tag: 'hi-Latn', reliable: true, by: 'markers' };
  const result = latinDetector().detect(text);
  if (!result.language) return null;
  const letters = count(text, /\p{Script=Latin}/gu);
  const tag = result.language === 'ms' ? 'id' : result.language;
  return { tag, reliable: result.isReliable() && letters >= MIN_LETTERS_FOR_DETECTOR, by: 'detector' };
}

/** The language a writing system says (Han with any kana was made `kana`: Japanese). */
function byScript(script: string, text: string): LanguageGuess {
  if (script === 'han') {
    const chinese = chineseScript(text);
    return { tag: chinese ? `zh-${chinese}` : 'zh', reliable: true, by: 'script' };
  }
  const tags: Record<string, string> = { kana: 'ja', hangul: 'ko', devanagari: 'hi', arabic: 'ar' };
  return { tag: tags[script] ?? 'und', reliable: true, by: 'script' };
}
