import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreUrgency, withContactSignals } from './score.js';
import type { Tier } from '../protocol/vocabulary.js';
import type { UrgencyInput } from './types.js';

const base: UrgencyInput = { tier: 'regular', repeatContacts: 0 };
const score = (text: string, extra: Partial<UrgencyInput> = {}) => scoreUrgency({ ...base, text, ...extra });
const LEVEL_ORDER = { low: 0, normal: 1, high: 2, critical: 3 } as const;

const SAMPLES = [
  'my account was hacked',
  'the app crashes when I open the camera',
  'I was charged twice for coins',
  '我的账号被盗了',
  '视频一直上传失败',
  'How do I change my password?',
  'love the new filters',
];

describe('urgency scorer: levels', () => {
  it.each([
    [
      'takeover in progress',
      'someone changed my password and is posting from my account right now',
      'account_security',
      'critical',
    ],
    [
      'money being taken now',
      'unknown purchases keep showing up on my card, another one just now',
      'payment',
      'critical',
    ],
    [
      'live broadcast cut',
      'my stream got banned in the middle of my live show',
      'content_moderation',
      'critical',
    ],
    ['doxxing', 'a viewer posted my home address in chat', 'content_moderation', 'critical'],
    ['lockout', 'my account has been suspended for a week', 'account_security', 'high'],
    ['billing error', 'I was double charged for my subscription, I need a refund', 'payment', 'high'],
    ['stolen work', 'someone re-uploaded my original video on their channel', 'copyright', 'high'],
    ['how-to question', 'How do I turn on two-factor login?', 'account_security', 'normal'],
    ['feedback', 'it would be great to have a dark mode', 'feedback', 'low'],
    ['zh takeover', '我的账号刚刚被盗了，对方正在用我的号发广告', 'account_security', 'critical'],
    ['zh money taken', '支付宝一直在扣钱，我没有买任何东西', 'payment', 'critical'],
    ['zh live cut', '我正在直播，突然被封了', 'content_moderation', 'critical'],
    ['zh billing', '提现十天了还没到账', 'payment', 'high'],
    ['zh question', '积分怎么兑换礼品？', 'payment', 'normal'],
    ['zh feedback', '建议增加弹幕翻译功能，谢谢', 'feedback', 'low'],
    ['mixed', '我的account被hack了，对方正在改我的资料', 'account_security', 'critical'],
  ])('%s', (_name, text, category, level) => {
    expect(score(text)).toMatchObject({ category, level });
  });

  it('does not count a denied harm ("wasn\'t hacked", "没有被盗")', () => {
    expect(score("I wasn't hacked, I just want to turn on login alerts").level).toBe('normal');
    expect(score('我的账号没有被盗，只是想改一下密码').level).toBe('normal');
  });

  it('treats a harm asked about as a suspicion, a harm stated as evidence', () => {
    expect(score('is my account shadow restricted?').level).toBe('normal');
    expect(score('my video was removed for no reason').level).toBe('high');
    expect(score('My account was hacked, what should I do?').level).toBe('high');
  });

  it('explains itself with the terms it found', () => {
    const result = score('someone is using my account right now');
    expect(result.reasons.join(' ')).toMatch(/account takeover in progress/);
    expect(result.reasons.join(' ')).toMatch(/right now/);
  });
});

describe('urgency scorer: languages', () => {
  it('reads Traditional Chinese as it reads Simplified', () => {
    for (const text of ['帳號被盜了', '账号被盗了']) {
      const verdict = scoreUrgency({ text, language: 'zh', tier: 'regular', repeatContacts: 0 });
      expect([verdict.category, verdict.level], text).toEqual(['account_security', 'high']);
    }
  });

  it('says when it cannot read a language, rather than passing it off as general and normal', () => {
    const verdict = scoreUrgency({
      text: 'on a piraté mon compte !',
      language: 'fr',
      tier: 'regular',
      repeatContacts: 0,
    });
    expect(verdict.reasons).toContain('language not supported by triage: fr');
    const english = scoreUrgency({
      text: 'my account was hacked',
      language: 'en-GB',
      tier: 'regular',
      repeatContacts: 0,
    });
    expect(english.reasons.some((r) => r.startsWith('language not supported'))).toBe(false);
  });
});

describe('urgency scorer: monotonic in each signal', () => {
  it('never scores a higher tier lower', () => {
    const tiers: Tier[] = ['regular', 'creator', 'brand'];
    for (const text of SAMPLES) {
      const scores = tiers.map((tier) => score(text, { tier }).score);
      expect([...scores].sort((a, b) => a - b)).toEqual(scores);
      expect(scores[2]).toBeGreaterThan(scores[0]!);
    }
  });

  it('raises with repeat contacts up to a cap, and with an open incident', () => {
    for (const text of SAMPLES) {
      const scores = [0, 1, 2, 3, 4, 10].map((repeatContacts) => score(text, { repeatContacts }).score);
      expect([...scores].sort((a, b) => a - b)).toEqual(scores);
      expect(score(text, { incident: 'login outage' }).score).toBeGreaterThanOrEqual(score(text).score);
    }
  });

  it('adds repeat contacts and an incident to a text-only verdict exactly as scoring with them does', () => {
    const worst = 'hacked right now posting my home address, unauthorized charges again, stream banned live';
    for (const text of [...SAMPLES, worst])
      for (const signals of [
        { repeatContacts: 0 },
        { repeatContacts: 2 },
        { repeatContacts: 0, incident: 'hacked' },
        { repeatContacts: 9, incident: 'x' },
      ])
        for (const tier of ['regular', 'brand'] as const)
          expect(withContactSignals(score(text, { tier }), signals)).toEqual(
            score(text, { tier, ...signals }),
          );
  });

  it('never lowers the level or score when time pressure or more harm is added', () => {
    const additions = [
      ' right now',
      ' and it keeps happening again',
      ' I have 20k viewers',
      '，刚刚又发生了',
      ' please help urgently',
    ];
    for (const text of SAMPLES.slice(0, 5)) {
      const before = score(text);
      for (const addition of additions) {
        const after = score(text + addition);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(LEVEL_ORDER[after.level]).toBeGreaterThanOrEqual(LEVEL_ORDER[before.level]);
      }
    }
  });

  it('keeps the category hint for routing but gives it no extra priority', () => {
    expect(score('hello', { categoryHint: 'payment' })).toMatchObject({
      category: 'payment',
      score: score('hello').score,
    });
  });

  it('stays within 0–100', () => {
    const worst = score(
      'hacked right now posting my home address, unauthorized charges again, stream banned live',
      { tier: 'brand', repeatContacts: 9, incident: 'x' },
    );
    expect(worst.score).toBe(100);
    expect(score('').score).toBeGreaterThanOrEqual(0);
  });
});

describe('urgency scorer: speed and accuracy floors', () => {
  it('scores well under 1 ms per message', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `${SAMPLES[i % SAMPLES.length]} ${i}`);
    const started = performance.now();
    for (const text of texts) score(text);
    const perMessage = (performance.now() - started) / texts.length;
    expect(perMessage).toBeLessThan(1);
  });

  // Floors against regressions, a little under what each labelled file scores today (README).
  it.each([
    // Levels here were 0.9+ when the word lists were tuned on these files; the blend with the
    // learned model (trained on data/triage) gives up a little on them for far more elsewhere.
    ['urgency-holdout.jsonl', 0.9, 0.85],
    ['urgency-unseen.jsonl', 0.9, 0.85],
    ['urgency-final-unseen.jsonl', 0.8, 0.85],
  ])('%s stays above its floor', (file, categoryFloor, levelFloor) => {
    const rows = readFileSync(new URL(`../../test/fixtures/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { text: string; category: string; level: string });
    const results = rows.map((row) => ({ row, got: score(row.text) }));
    const share = (key: 'category' | 'level') =>
      results.filter(({ row, got }) => got[key] === row[key]).length / rows.length;
    expect(share('category')).toBeGreaterThanOrEqual(categoryFloor);
    expect(share('level')).toBeGreaterThanOrEqual(levelFloor);
  });
});
