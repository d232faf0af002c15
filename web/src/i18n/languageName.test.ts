import { describe, expect, it } from 'vitest';
import { languageName } from './languageName.js';

describe('a request language as the console shows it', () => {
  it('names the language in the console language, with its tag', () => {
    expect(languageName('ar', 'en')).toBe('Arabic (ar)');
    expect(languageName('zh-Hant', 'en')).toMatch(/Chinese.*\(zh-Hant\)/);
    expect(languageName('es', 'zh')).toBe('西班牙语 (es)');
  });

  it('shows a tag it cannot name as it came', () => {
    expect(languageName('not a tag!', 'en')).toBe('not a tag!');
  });
});
