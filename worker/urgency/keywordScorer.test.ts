import { describe, expect, it } from 'vitest';
import { scoreUrgency } from './keywordScorer.js';

const base = { tier: 'regular' as const, repeatContacts: 0 };

describe('keyword scorer', () => {
  it('puts harm happening now above the same problem in the past', () => {
    const now = scoreUrgency({ ...base, text: 'Someone is using my hacked account right now' });
    const past = scoreUrgency({
      ...base,
      text: 'My account was hacked last year, how do I see the login history?',
    });
    expect(now.level).toBe('critical');
    expect(now.category).toBe('account_security');
    expect(now.score).toBeGreaterThan(past.score);
  });

  it('reads Chinese', () => {
    const zh = scoreUrgency({ ...base, text: '我的账号被盗了，有人正在用它直播' });
    expect(zh.category).toBe('account_security');
    expect(zh.level).toBe('critical');
  });

  it('lets the category hint route but not raise priority', () => {
    const hinted = scoreUrgency({ ...base, text: 'hello', categoryHint: 'account_security' });
    const plain = scoreUrgency({ ...base, text: 'hello' });
    expect(hinted.category).toBe('account_security');
    expect(hinted.score).toBe(plain.score);
  });

  it('is monotonic in tier and repeat contacts, and explains each', () => {
    const text = 'the app keeps crashing';
    const regular = scoreUrgency({ ...base, text });
    const creator = scoreUrgency({ ...base, text, tier: 'creator' });
    const repeat = scoreUrgency({ ...base, text, tier: 'creator', repeatContacts: 2 });
    expect(creator.score).toBeGreaterThan(regular.score);
    expect(repeat.score).toBeGreaterThan(creator.score);
    expect(repeat.reasons).toEqual(expect.arrayContaining(['tier:creator', 'repeat:2']));
  });
});
