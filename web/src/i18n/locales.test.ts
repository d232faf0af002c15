import { phrasesFor } from '@lifeline/core/assistant/phrases.js';
import { describe, expect, it } from 'vitest';
import { assistantEn } from './assistant.en.js';
import { en } from './en.js';
import { chooseLocale, CONSOLE_LOCALES, langClaimOf, LOCALES, localeOf, type Locale } from './locales.js';
import { MESSAGES } from './resources.js';
import { widgetEn } from './widget.en.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every string of a nested resource by its dotted key. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** English's keys as a language should have them: each plural key in that language's own forms. */
function expectedKeys(reference: Map<string, string>, locale: Locale): string[] {
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of reference.keys())
    if (PLURAL.test(key)) for (const form of forms) keys.add(key.replace(PLURAL, `_${form}`));
    else keys.add(key);
  return [...keys].sort();
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('locale resources', () => {
  // Chinese covers the console too; the other languages translate what the widget's user sees.
  const referenceOf = (locale: Locale) => flatten(locale === 'zh' ? en : { ...widgetEn, ...assistantEn });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
    const reference = referenceOf(locale);
    const own = flatten(MESSAGES[locale]);
    expect([...own.keys()].sort()).toEqual(expectedKeys(reference, locale));
    for (const [key, text] of own) {
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      const english = reference.get(key) ?? reference.get(key.replace(PLURAL, '_other'))!;
      // A plural form may say its number in words (Arabic's one and two); others keep every variable.
      if (PLURAL.test(key))
        expect(variables(english), `${locale} ${key}`).toEqual(expect.arrayContaining(variables(text)));
      else expect(variables(text), `${locale} ${key}`).toEqual(variables(english));
    }
  });

  it('English has no empty strings', () => {
    for (const [key, text] of flatten(en)) expect(text.trim(), key).not.toBe('');
  });
});

describe('choosing a locale', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh_MO', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hans-HK', 'zh'],
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['hi-Latn', 'hi'],
    ['pt-BR', 'pt'],
    ['es-419', 'es'],
    ['AR', 'ar'],
    ['vi-VN', 'vi'],
    ['fr-FR', null],
    ['', null],
  ])('%s reads as %s', (tag, locale) => {
    expect(localeOf(tag)).toBe(locale);
  });

  it('takes the first wish the page offers, else English', () => {
    expect(chooseLocale(['fr', 'ar', 'es'], LOCALES)).toBe('ar');
    expect(chooseLocale([null, 'pt-BR', 'en-US'], LOCALES)).toBe('pt');
    expect(chooseLocale(['ar', 'es'], CONSOLE_LOCALES)).toBe('en');
    expect(chooseLocale(['ar', 'zh-CN'], CONSOLE_LOCALES)).toBe('zh');
    expect(chooseLocale([], LOCALES)).toBe('en');
  });

  it("reads the identity token's lang claim, and nothing from a token that is not one", () => {
    // base64url of UTF-8 JSON, as a JWT carries it.
    const part = (value: object) =>
      btoa(String.fromCodePoint(...new TextEncoder().encode(JSON.stringify(value))))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const token = `${part({ alg: 'HS256' })}.${part({ sub: 'u-1', name: 'Ñandú 安', lang: 'ar' })}.sig`;
    expect(langClaimOf(token)).toBe('ar');
    expect(langClaimOf(`${part({})}.${part({ sub: 'u-2' })}.sig`)).toBeNull();
    expect(langClaimOf(`${part({})}.${part({ lang: 7 })}.sig`)).toBeNull();
    expect(langClaimOf('not-a-token')).toBeNull();
    expect(langClaimOf('a.%%%.c')).toBeNull();
    expect(langClaimOf(null)).toBeNull();
  });
});

describe('the assistant and the widget', () => {
  it.each(LOCALES.map((locale) => [locale]))(
    'name the same buttons in %s (the assistant tells users which to tap)',
    (locale) => {
      const widget = flatten(MESSAGES[locale]);
      const asked = phrasesFor(locale === 'zh' ? 'zh-Hans' : locale).askIfSolved;
      expect(asked).toContain(widget.get('assistant.stillNeedHelp'));
      expect(asked).toContain(widget.get('assistant.human'));
    },
  );
});
