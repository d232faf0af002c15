import { describe, expect, it } from 'vitest';
import { createScorer } from '../../score.js';

/** The word lists alone: the learned model is tested with the blended scorer (score.test.ts). */
const rulesOnly = createScorer(null);
const score = (text: string) => rulesOnly({ text, tier: 'regular', repeatContacts: 0 });

describe('Hindi (Devanagari) word lists', () => {
  it('reads a live takeover as critical account security', () => {
    const u = score('कोई अभी मेरे अकाउंट में घुस गया है और पासवर्ड बदल रहा है');
    expect(u).toMatchObject({ category: 'account_security', level: 'critical' });
  });
  it('does not score a denied hack as a takeover', () => {
    const u = score('मेरा अकाउंट हैक नहीं हुआ है, बस मोबाइल नंबर बदलना है');
    expect(u.level).toBe('normal');
    expect(u.keywords).not.toContain('हैक');
  });
  it('reads money taken twice as high payment', () => {
    expect(score('एक ही पैक के लिए दो बार पैसे कट गए')).toMatchObject({ category: 'payment', level: 'high' });
  });
  it('reads a stream cut while live as critical moderation', () => {
    const u = score('मैं अभी लाइव हूँ और उन्होंने मेरी स्ट्रीम बंद कर दी');
    expect(u).toMatchObject({ category: 'content_moderation', level: 'critical' });
  });
  it('reads praise as low positive feedback', () => {
    expect(score('नया फ़ीचर बहुत बढ़िया है, शुक्रिया')).toMatchObject({
      category: 'feedback',
      level: 'low',
      sentiment: 'positive',
    });
  });
  it('reads a threat as critical', () => {
    expect(score('एक आदमी मुझे जान से मारने की धमकी दे रहा है').level).toBe('critical');
  });
});

describe('Hinglish (hi-Latn) word lists', () => {
  it('reads a live takeover as critical account security', () => {
    const u = score('koi abhi mere account me ghus gaya hai, password badal raha hai');
    expect(u).toMatchObject({ category: 'account_security', level: 'critical' });
  });
  it('does not score a denied hack as a takeover', () => {
    expect(score('kisi ne mera account chheena nahi, bas recovery mail badalni hai').level).toBe('normal');
    expect(score('paisa do baar nahi kata, bas card pe hold dikh raha').level).toBe('normal');
  });
  it('does not count a question about a hack', () => {
    expect(score('kya mera account hack ho gaya').level).toBe('normal');
  });
  it('reads money taken twice as high payment', () => {
    expect(score('ek hi recharge ke liye paise do baar kat gaye')).toMatchObject({
      category: 'payment',
      level: 'high',
    });
  });
  it('reads money still being taken after cancelling as critical', () => {
    expect(score('subscription cancel kiya fir bhi har hafte paisa kat raha hai').level).toBe('critical');
  });
  it('reads a stream cut while live as critical moderation', () => {
    const u = score('main abhi live hu aur unhone mera live band kar diya');
    expect(u).toMatchObject({ category: 'content_moderation', level: 'critical' });
  });
  it('reads praise as low positive feedback', () => {
    expect(score('naya editor ekdum mast hai, shukriya')).toMatchObject({
      category: 'feedback',
      level: 'low',
      sentiment: 'positive',
    });
  });
  it('reads doxxing as critical', () => {
    expect(score('kisi ne comments me mere ghar ka address daal diya').level).toBe('critical');
  });
});

describe('Arabic word lists', () => {
  it('reads a live takeover as critical account security', () => {
    const u = score('حسابي انهكر والحين الهاكر قاعد يغير الباسورد');
    expect(u).toMatchObject({ category: 'account_security', level: 'critical' });
  });
  it('does not score a denied hack as a takeover', () => {
    const u = score('حسابي لم يخترق، أريد فقط تغيير البريد المرتبط به');
    expect(u.level).toBe('normal');
  });
  it('reads a hack asked about as a question, not a takeover', () => {
    expect(score('هل حسابي مخترق').level).toBe('normal');
  });
  it('reads money taken twice as high payment', () => {
    expect(score('انخصم مني المبلغ مرتين على نفس الباقة')).toMatchObject({
      category: 'payment',
      level: 'high',
    });
  });
  it('reads a stream cut while live as critical moderation', () => {
    const u = score('أنا في بث مباشر الآن وقطعوا البث بدون سبب');
    expect(u).toMatchObject({ category: 'content_moderation', level: 'critical' });
  });
  it('reads praise as low positive feedback', () => {
    expect(score('الميزة الجديدة رهيبة، شكرا لكم')).toMatchObject({
      category: 'feedback',
      level: 'low',
      sentiment: 'positive',
    });
  });
  it('reads a death threat as critical', () => {
    expect(score('هذا الشخص يهددني بالقتل في الخاص').level).toBe('critical');
  });
});
