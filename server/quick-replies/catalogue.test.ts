import { describe, expect, it } from 'vitest';
import { USER_LOCALES } from '../../core/language/localeFor.js';
import { CATEGORIES } from '../../core/protocol/vocabulary.js';
import { QUICK_REPLIES, quickRepliesFor } from './catalogue.js';
import { REPLY_IDS } from './wording.js';

describe('quick replies in every language Lifeline speaks to users in', () => {
  it('words every reply of every category in every language, under the same ids', () => {
    for (const locale of USER_LOCALES)
      for (const category of CATEGORIES) {
        const replies = QUICK_REPLIES[locale][category];
        expect(Object.keys(replies).sort(), `${locale} ${category}`).toEqual([...REPLY_IDS[category]].sort());
        for (const { title, text } of Object.values(replies)) {
          expect(title.trim(), `${locale} ${category}`).not.toBe('');
          expect(text.length, `${locale} ${category}`).toBeGreaterThan(title.length);
        }
        if (locale !== 'en')
          expect(quickRepliesFor(category, locale).replies[0]!.text, locale).not.toBe(
            quickRepliesFor(category, 'en').replies[0]!.text,
          );
      }
  });

  it('answers in the user’s language, with the agent’s words beside it when they differ', () => {
    const arabic = quickRepliesFor('payment', 'ar-EG', 'zh-CN');
    expect(arabic.lang).toBe('ar');
    expect(arabic.replies.map((reply) => reply.id)).toEqual(['freeze-charges', 'refund-timeline']);
    expect(arabic.replies[0]!.text).toMatch(/\p{Script=Arabic}/u);
    expect(arabic.replies[0]!.gloss).toEqual({
      lang: 'zh-Hans',
      ...QUICK_REPLIES['zh-Hans'].payment['freeze-charges'],
    });

    const spanish = quickRepliesFor('technical', 'es-MX', 'en-GB');
    expect(spanish.replies[1]).toMatchObject({
      id: 'known-issue',
      gloss: { lang: 'en', title: 'Known issue' },
    });
    expect(quickRepliesFor('technical', 'hi-Latn', 'en').lang).toBe('hi-Latn');
  });

  it('glosses nothing the agent reads already, or when the console’s language is not given', () => {
    expect(quickRepliesFor('general', 'en-US', 'en').replies[0]).not.toHaveProperty('gloss');
    const traditional = quickRepliesFor('general', 'zh-TW', 'zh');
    expect(traditional.lang).toBe('zh-Hant');
    expect(traditional.replies[0]).not.toHaveProperty('gloss');
    expect(quickRepliesFor('general', 'vi').replies[0]).not.toHaveProperty('gloss');
    expect(quickRepliesFor('general', 'lt', 'zh-Hans')).toMatchObject({
      lang: 'en',
      replies: [{ gloss: { lang: 'zh-Hans' } }],
    });
  });
});
