import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/resources.js';
import { queuePlace } from './queuePlace.js';

const words = (locale: 'en' | 'zh' | 'zh-Hant') => {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: locale, resources: { [locale]: { translation: MESSAGES[locale] } } });
  return (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
};

describe('the place in line', () => {
  it.each([
    ['en', 'You are next', 'You are number 3 in line'],
    ['zh', '下一位就是您', '您排在第 3 位'],
    ['zh-Hant', '下一位就是您', '您排在第 3 位'],
  ] as const)('reads first place as next in %s, never as one ahead', (locale, first, third) => {
    const t = words(locale);
    expect(queuePlace(t, 1)).toBe(first);
    expect(queuePlace(t, undefined)).toBe(first);
    expect(queuePlace(t, 0)).toBe(first);
    expect(queuePlace(t, 3)).toBe(third);
  });
});
