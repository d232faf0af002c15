import { describe, expect, it } from 'vitest';
import { USER_LOCALES } from '../language/localeFor.js';
import { answerText, gladText, handingOverText, PHRASES } from './phrases.js';

describe('what the assistant says, in every language Lifeline speaks to users in', () => {
  it('has every phrase, worded, in every language, and no two languages alike', () => {
    const keys = Object.keys(PHRASES.en).sort();
    for (const locale of USER_LOCALES) {
      expect(Object.keys(PHRASES[locale]).sort(), locale).toEqual(keys);
      for (const text of Object.values(PHRASES[locale]))
        expect(text.trim().length, locale).toBeGreaterThan(10);
      if (locale !== 'en') expect(PHRASES[locale].handingOver, locale).not.toBe(PHRASES.en.handingOver);
    }
    expect(new Set(USER_LOCALES.map((locale) => PHRASES[locale].glad)).size).toBe(USER_LOCALES.length);
  });

  it.each([
    ['zh-Hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['pt-BR', 'pt'],
    ['hi-Latn', 'hi-Latn'],
    ['hi', 'hi'],
    ['in-ID', 'id'],
    ['lt', 'en'],
    ['', 'en'],
  ] as const)('speaks to a %s request in %s', (tag, locale) => {
    expect(handingOverText(tag)).toBe(PHRASES[locale].handingOver);
    expect(gladText(tag)).toBe(PHRASES[locale].glad);
  });

  it('quotes each article between its first words and the question whether it solved it', () => {
    const text = answerText('es', [{ title: 'Cuenta robada', snippet: 'Cambia la\n contraseña ' }], false);
    expect(text.split('\n\n')).toEqual([
      PHRASES.es.firstAnswer,
      '**Cuenta robada**\n> Cambia la contraseña…',
      PHRASES.es.askIfSolved,
    ]);
    expect(answerText('ar', [], true)).toContain(PHRASES.ar.nextAnswer);
    expect(handingOverText('ar')).toMatch(/\p{Script=Arabic}/u);
    expect(handingOverText('zh-Hant')).toContain('轉接');
  });
});
