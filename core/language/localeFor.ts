/**
 * The languages Lifeline words what it says to users in (the assistant, quick replies, push
 * notices). Romanised Hindi has its own wording: a user who typed Hindi in Latin letters often
 * reads Latin letters more easily than Devanagari, and Hinglish is how such apps talk to them.
 */
export const USER_LOCALES = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'es',
  'pt',
  'id',
  'hi',
  'hi-Latn',
  'ar',
  'vi',
] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

/** The agent console is written in English and Simplified Chinese only. */
export type ConsoleLocale = Extract<UserLocale, 'en' | 'zh-Hans'>;

/** Regions that write Chinese in Traditional characters when the tag names no script. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);
const SAME_WORDS: Record<string, UserLocale> = {
  en: 'en',
  es: 'es',
  pt: 'pt',
  id: 'id',
  // Older Java and Android locales still say `in` for Indonesian.
  in: 'id',
  ar: 'ar',
  vi: 'vi',
  // Cantonese is read in Traditional characters (Hong Kong, Macau).
  yue: 'zh-Hant',
};

function chineseLocale(subtags: readonly string[]): UserLocale {
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.includes('hans')) return 'zh-Hans';
  return subtags.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The wording a user with this BCP 47 tag reads: Chinese by its script (or its region when it
 * names none), Hindi by whether it is written in Latin letters, any other language Lifeline does
 * not speak in English.
 */
export function localeFor(tag: string): UserLocale {
  const [primary = '', ...subtags] = tag.trim().toLowerCase().split(/[-_]/);
  if (primary === 'zh') return chineseLocale(subtags);
  if (primary === 'hi') return subtags.includes('latn') ? 'hi-Latn' : 'hi';
  return SAME_WORDS[primary] ?? 'en';
}

/** The console language an agent reads: Chinese in either script is shown Simplified, else English. */
export function consoleLocaleFor(tag: string): ConsoleLocale {
  const locale = localeFor(tag);
  return locale === 'zh-Hans' || locale === 'zh-Hant' ? 'zh-Hans' : 'en';
}

/** Whether a reader of one needs the other translated: the two scripts of Chinese read alike enough. */
export function needsGloss(userLocale: UserLocale, readerLocale: UserLocale): boolean {
  const language = (locale: UserLocale) => locale.split('-')[0];
  return language(userLocale) !== language(readerLocale);
}
