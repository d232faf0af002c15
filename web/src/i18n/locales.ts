// Which languages the pages speak and how one is picked: plain data and functions, so Node can test them.

/** Every language the help widget speaks; `zh` is Simplified Chinese. */
export const LOCALES = ['en', 'zh', 'zh-Hant', 'es', 'pt', 'id', 'hi', 'ar', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** The agent console and the supervisor's pages stay English and Chinese. */
export const CONSOLE_LOCALES: readonly Locale[] = ['en', 'zh'];

/** Each language by its own name, as a speaker looks for it in a list. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  zh: '简体中文',
  'zh-Hant': '繁體中文',
  es: 'Español',
  pt: 'Português',
  id: 'Bahasa Indonesia',
  hi: 'हिन्दी',
  ar: 'العربية',
  vi: 'Tiếng Việt',
};

/** The BCP 47 tag a help request states: Chinese says its script, so routing and triage see which. */
export const REQUEST_LANGUAGE: Record<Locale, string> = {
  en: 'en',
  zh: 'zh-Hans',
  'zh-Hant': 'zh-Hant',
  es: 'es',
  pt: 'pt',
  id: 'id',
  hi: 'hi',
  ar: 'ar',
  vi: 'vi',
};

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The locale a BCP 47 tag reads in, or null when none fits: zh-TW, zh-HK, zh-MO and zh-Hant*
 * read Traditional Chinese, other Chinese Simplified; romanised Hindi (hi-Latn, a triage
 * language) reads Devanagari, and a region (pt-BR, es-419) reads its language.
 */
export function localeOf(tag: string): Locale | null {
  const [language = '', ...subtags] = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (language === 'zh') {
    if (subtags.includes('hans')) return 'zh';
    return subtags.includes('hant') || subtags.some((s) => TRADITIONAL_REGIONS.has(s)) ? 'zh-Hant' : 'zh';
  }
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** The first wish a page can meet, in the order given (a saved choice, a claim, the browser's), else English. */
export function chooseLocale(
  wishes: readonly (string | null | undefined)[],
  offered: readonly Locale[],
): Locale {
  for (const wish of wishes) {
    const locale = wish ? localeOf(wish) : null;
    if (locale && offered.includes(locale)) return locale;
  }
  return 'en';
}

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
/** A language i18next reports, as one of ours (English for anything else). */
export const asLocale = (value: string): Locale => (isLocale(value) ? value : 'en');

/**
 * The `lang` claim of a platform identity token, read without checking its signature: it only
 * picks the language shown. The server verifies the token for everything it is trusted with.
 */
export function langClaimOf(token: string | null | undefined): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
      c.charCodeAt(0),
    );
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const lang = (claims as { lang?: unknown } | null)?.lang;
    return typeof lang === 'string' ? lang : null;
  } catch {
    return null;
  }
}

/** i18next's plural forms, after Intl.PluralRules' categories. */
type PluralSuffix = Intl.LDMLPluralRule;
type PluralKey = `${string}_${PluralSuffix}`;

/**
 * A translation of `T`: the same keys, except that a plural key takes whichever i18next plural
 * forms its language has (Arabic six, Chinese one). locales.test checks which those are.
 */
export type Localized<T> = {
  [K in keyof T as K extends PluralKey ? never : K]: T[K] extends string ? string : Localized<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_${PluralSuffix}` ? `${Base}_${PluralSuffix}` : never]?: string;
};
