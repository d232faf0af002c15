import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
let converters: { toSimplified: Convert; toTraditional: Convert } | null = null;

/** Built on first use: OpenCC's dictionaries take a quarter of a second to load. */
function opencc() {
  converters ??= {
    toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
  };
  return converters;
}

/** Characters that differ at the same place: the conversions keep one character per character. */
function changed(a: string, b: string): number {
  const theirs = [...b];
  return [...a].filter((ch, i) => ch !== theirs[i]).length;
}

/**
 * Which Chinese script a text is written in, by which conversion changes it more: Traditional
 * text changes when made Simplified, and the other way round. Most characters are the same in
 * both, so a short text may say neither (null).
 */
export function chineseScript(text: string): 'Hans' | 'Hant' | null {
  const { toSimplified, toTraditional } = opencc();
  const traditionalOnly = changed(text, toSimplified(text));
  const simplifiedOnly = changed(text, toTraditional(text));
  if (traditionalOnly === simplifiedOnly) return null;
  return traditionalOnly > simplifiedOnly ? 'Hant' : 'Hans';
}

/**
 * Variants OpenCC keeps that Simplified users write the other way: 帳號 becomes 帐号, but the
 * scorer's patterns (and most users) say 账号.
 */
const SIMPLIFIED_VARIANTS: readonly [RegExp, string][] = [
  [/帐(号|户|单)/gu, '账$1'],
  [/到帐/gu, '到账'],
];

/** Traditional Chinese as Simplified, so one set of Chinese patterns reads both. */
export function toSimplifiedChinese(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  let simplified = opencc().toSimplified(text);
  for (const [pattern, replacement] of SIMPLIFIED_VARIANTS)
    simplified = simplified.replace(pattern, replacement);
  return simplified;
}
