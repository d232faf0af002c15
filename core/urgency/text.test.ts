import { describe, expect, it } from 'vitest';
import { containsPhrase, prepareText, stem } from './text.js';

describe('text preparation', () => {
  it('stems inflections of one word to one form', () => {
    expect(stem('charged')).toBe(stem('charge'));
    expect(stem('charges')).toBe(stem('charge'));
    expect(stem('banned')).toBe(stem('ban'));
    expect(stem('freezing')).toBe(stem('freeze'));
    expect(stem('hacked')).toBe('hack');
  });

  it('segments Chinese with Intl.Segmenter per clause, and keeps English tokens of mixed text', () => {
    const prepared = prepareText('我的account被盗了，right now 有人在用！');
    expect(prepared.script).toBe('mixed');
    expect(prepared.hanClauses).toEqual(['我的被盗了', '有人在用']);
    expect(prepared.tokens).toEqual(['account', 'right', 'now']);
  });

  it('spots questions in both languages', () => {
    expect(prepareText('积分怎么兑换礼品？').question).toBe(true);
    expect(prepareText('是不是被限流了吗').question).toBe(true);
    expect(prepareText('my card was charged twice').question).toBe(false);
  });

  it('matches phrases in order with small gaps only', () => {
    const phrase = ['charged', 'twice'].map(stem);
    const tokens = prepareText('they charged me twice for one package').tokens;
    expect(containsPhrase(tokens, phrase)).toBe(true);
    expect(containsPhrase(tokens, [...phrase].reverse())).toBe(false);
    expect(containsPhrase(prepareText('charged for a package twice over').tokens, phrase, 1)).toBe(false);
  });
});
