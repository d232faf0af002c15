import { describe, expect, it } from 'vitest';
import type { KbHit } from '../protocol/kb.js';
import { asksForHuman } from './askForHuman.js';
import { decideAfterNotHelped, decideFirstReply, decideNextReply, type AssistantSettings } from './decide.js';

const SETTINGS: AssistantSettings = { minScore: 0.7, maxArticles: 3, languages: ['en', 'zh'] };
const hit = (id: string, score: number): KbHit => ({
  id,
  title: id,
  language: 'en',
  category: 'payment',
  snippet: '',
  score,
});
const contact = (over: Partial<Parameters<typeof decideFirstReply>[0]> = {}) => ({
  text: 'when do creators get paid',
  language: 'en',
  level: 'normal' as const,
  tier: 'regular' as const,
  hits: [hit('payouts', 0.9), hit('refunds', 0.75), hit('gifts', 0.4)],
  ...over,
});

describe('the assistant’s first decision', () => {
  it('answers with the articles that clear the bar, best first', () => {
    expect(decideFirstReply(contact(), SETTINGS)).toEqual({
      kind: 'answer',
      articles: [hit('payouts', 0.9), hit('refunds', 0.75)],
    });
  });

  it('steps aside for urgency before any article: critical, or high for a creator or brand', () => {
    expect(decideFirstReply(contact({ level: 'critical' }), SETTINGS)).toEqual({
      kind: 'handoff',
      reason: 'urgent',
    });
    expect(decideFirstReply(contact({ level: 'high', tier: 'brand' }), SETTINGS).kind).toBe('handoff');
    expect(decideFirstReply(contact({ level: 'high' }), SETTINGS).kind).toBe('answer');
  });

  it('steps aside for a request for a person, a weak match or an unsupported language', () => {
    expect(decideFirstReply(contact({ text: 'let me talk to a human' }), SETTINGS)).toMatchObject({
      reason: 'asked_for_human',
    });
    expect(decideFirstReply(contact({ hits: [hit('gifts', 0.69)] }), SETTINGS)).toMatchObject({
      reason: 'no_confident_match',
    });
    expect(decideFirstReply(contact({ hits: [] }), SETTINGS)).toMatchObject({ reason: 'no_confident_match' });
    expect(decideFirstReply(contact({ language: 'es-MX' }), SETTINGS)).toMatchObject({
      reason: 'language_not_supported',
    });
  });

  it('hands over after the second “it did not help”', () => {
    expect(decideAfterNotHelped(1)).toBeNull();
    expect(decideAfterNotHelped(2)).toEqual({ kind: 'handoff', reason: 'not_helped_twice' });
  });
});

describe('asking for a person', () => {
  it('is heard in every supported language, and not in words that merely contain a phrase', () => {
    for (const text of [
      '转人工',
      '我要真人客服',
      'quiero hablar con un agente',
      'falar com um atendente',
      'मुझे किसी इंसान से बात करनी है',
      'أريد التحدث مع موظف',
      'cho tôi gặp nhân viên',
      'AGENT please',
    ])
      expect(asksForHuman(text), text).toBe(true);
    for (const text of ['how do I switch to a personal account', 'my payout is late', '提现多久到账'])
      expect(asksForHuman(text), text).toBe(false);
  });
});

describe('the assistant’s later replies', () => {
  it('answers again only with articles it has not given, and hands over when none is left', () => {
    const next = decideNextReply(contact(), ['payouts'], SETTINGS);
    expect(next).toEqual({ kind: 'answer', articles: [hit('refunds', 0.75)] });
    expect(decideNextReply(contact(), ['payouts', 'refunds'], SETTINGS)).toEqual({
      kind: 'handoff',
      reason: 'no_confident_match',
    });
  });

  it('still steps aside for urgency and a request for a person first', () => {
    expect(decideNextReply(contact({ level: 'critical' }), [], SETTINGS)).toEqual({
      kind: 'handoff',
      reason: 'urgent',
    });
    expect(decideNextReply(contact({ text: 'just give me a human' }), [], SETTINGS)).toEqual({
      kind: 'handoff',
      reason: 'asked_for_human',
    });
  });
});
