import { describe, expect, it } from 'vitest';
import { USER_LOCALES } from '../../core/language/localeFor.js';
import { NOTICE_WORDS, noticeWords } from './noticeWords.js';

describe('the generic words of a push notice', () => {
  it('has a title and a body for each notice in every language, each its own', () => {
    for (const type of ['message', 'callback.due'] as const) {
      const titles = USER_LOCALES.map((locale) => NOTICE_WORDS[locale][type].title);
      expect(new Set(titles).size, type).toBe(USER_LOCALES.length);
      for (const locale of USER_LOCALES) expect(NOTICE_WORDS[locale][type].body.length).toBeGreaterThan(10);
    }
  });

  it('picks the user’s language, and English for one Lifeline does not speak', () => {
    expect(noticeWords('callback.due', 'ar-SA')).toEqual({
      textLanguage: 'ar',
      ...NOTICE_WORDS.ar['callback.due'],
    });
    expect(noticeWords('message', 'es-419').textLanguage).toBe('es');
    expect(noticeWords('message', 'zh-HK').title).toBe('客服回覆了您');
    expect(noticeWords('message', 'hi-Latn').textLanguage).toBe('hi-Latn');
    expect(noticeWords('message', 'fr').textLanguage).toBe('en');
  });
});
