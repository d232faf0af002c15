import { describe, expect, it } from 'vitest';
import { createScorer, scoreUrgency } from './score.js';
import { SHIPPED_MODEL } from './model/shipped.js';

const score = (text: string, language?: string) =>
  scoreUrgency({ text, language, tier: 'regular', repeatContacts: 0 });

/** A takeover happening now, as a user of each language might put it. */
const TAKEOVERS_NOW: [string, string][] = [
  ['en', 'someone hacked my account and is changing my password right now'],
  ['zh-Hans', '我的账号被盗了，对方现在正在改我的密码'],
  ['zh-Hant', '我的帳號被盜了，對方現在正在改我的密碼'],
  ['es', 'me hackearon la cuenta y ahora mismo están cambiando mi contraseña'],
  ['pt', 'hackearam minha conta e estão trocando minha senha agora mesmo'],
  ['id', 'akun saya dibobol dan sekarang orangnya lagi ganti password saya'],
  ['hi', 'मेरा अकाउंट हैक हो गया है और अभी कोई मेरा पासवर्ड बदल रहा है'],
  ['hi-Latn', 'mera account hack ho gaya hai aur abhi koi mera password badal raha hai'],
  ['ar', 'حسابي اتهكر والهكر يغير كلمة السر الحين'],
  ['vi', 'tài khoản của tôi bị hack và ngay bây giờ có người đang đổi mật khẩu'],
];

describe('the blended scorer', () => {
  it.each(TAKEOVERS_NOW)(
    'holds the takeover floor in %s: critical, whatever the model says',
    (lang, text) => {
      const verdict = score(text, lang);
      expect(verdict).toMatchObject({
        category: 'account_security',
        level: 'critical',
        sentiment: 'negative',
      });
      expect(verdict.reasons.some((r) => r.startsWith('language not supported'))).toBe(false);
    },
  );

  it('explains a decision the model made with its strongest features', () => {
    const verdict = score('the comment filter is great, thank you for adding it');
    const learned = verdict.reasons.find((r) => r.includes('learned model'));
    expect(learned).toMatch(/learned model 0\.\d\d from “/);
  });

  it('never lets the model take a level below a safety floor', () => {
    // A model that always says "low" with certainty still cannot lower a floor.
    const lowModel = {
      ...SHIPPED_MODEL,
      level: { classes: ['critical', 'high', 'normal', 'low'] as const, bias: [0, 0, 0, 50], weights: {} },
    };
    const scorer = createScorer(lowModel);
    const verdict = scorer({
      text: 'someone changed my password and is posting from my account right now',
      tier: 'regular',
      repeatContacts: 0,
    });
    expect(verdict.level).toBe('critical');
    expect(verdict.reasons).toContain('critical: account takeover in progress (safety floor)');
    expect(scorer({ text: 'love the new filters', tier: 'regular', repeatContacts: 0 }).level).toBe('low');
  });

  it('reads Traditional Chinese as Simplified, with the same verdict', () => {
    const simplified = score('提现十天了还没到账，钱去哪了');
    const traditional = score('提現十天了還沒到賬，錢去哪了');
    expect(traditional).toMatchObject({ category: simplified.category, level: simplified.level });
  });
});
