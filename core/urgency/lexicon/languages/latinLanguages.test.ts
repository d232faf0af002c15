import { describe, expect, it } from 'vitest';
import { createScorer } from '../../score.js';

/** The word lists alone: the learned model is tested with the blended scorer (score.test.ts). */
const rulesOnly = createScorer(null);
const score = (text: string) => rulesOnly({ text, tier: 'regular', repeatContacts: 0 });

type Case = [string, string, { category?: string; level?: string; sentiment?: string }];

const CASES: Record<string, Case[]> = {
  es: [
    [
      'live takeover',
      'me hackearon la cuenta y ahora mismo están publicando estafas en mi perfil',
      { category: 'account_security', level: 'critical' },
    ],
    [
      'denied takeover',
      'no me hackearon, solo pregunto cómo activar la verificación en dos pasos',
      { category: 'account_security', level: 'normal', sentiment: 'neutral' },
    ],
    [
      'double charge',
      'me cobraron dos veces la suscripción de este mes',
      { category: 'payment', level: 'high' },
    ],
    [
      'stream cut while live',
      'estoy en directo y me cortaron la transmisión sin motivo',
      { category: 'content_moderation', level: 'critical' },
    ],
    [
      'praise',
      'me encanta la nueva función de subtítulos, gracias',
      { category: 'feedback', level: 'low', sentiment: 'positive' },
    ],
    [
      'threat and doxxing',
      'un usuario me amenaza con publicar la dirección de mi casa',
      { level: 'critical' },
    ],
  ],
  pt: [
    [
      'live takeover',
      'hackearam minha conta e agora mesmo tão postando golpe no meu perfil',
      { category: 'account_security', level: 'critical' },
    ],
    [
      'denied takeover',
      'minha conta não foi hackeada, só quero trocar a senha',
      { category: 'account_security', level: 'normal', sentiment: 'neutral' },
    ],
    ['double charge', 'fui cobrado duas vezes pela assinatura', { category: 'payment', level: 'high' }],
    [
      'stream cut while live',
      'tô ao vivo e cortaram minha live do nada',
      { category: 'content_moderation', level: 'critical' },
    ],
    [
      'praise',
      'amei o novo editor, obrigada pelo trabalho',
      { category: 'feedback', level: 'low', sentiment: 'positive' },
    ],
    ['threat', 'um cara tá me ameaçando de morte no direct', { level: 'critical' }],
  ],
  id: [
    [
      'live takeover',
      'akun saya dibobol dan barusan dia ganti password, sekarang lagi posting link penipuan',
      { category: 'account_security', level: 'critical' },
    ],
    [
      'denied takeover',
      'akun saya gak dibobol kok, cuma mau ganti email',
      { category: 'account_security', level: 'normal', sentiment: 'neutral' },
    ],
    [
      'double charge',
      'saya ditagih dua kali buat langganan bulan ini',
      { category: 'payment', level: 'high' },
    ],
    [
      'stream cut while live',
      'lagi live terus siaran saya diputus tanpa alasan',
      { category: 'content_moderation', level: 'critical' },
    ],
    [
      'praise',
      'suka banget sama fitur edit yang baru, makasih',
      { category: 'feedback', level: 'low', sentiment: 'positive' },
    ],
    ['threat', 'ada orang ngancem mau bunuh saya lewat DM', { level: 'critical' }],
  ],
  vi: [
    [
      'live takeover',
      'tài khoản mình bị hack, nó đang đăng link lừa đảo ngay bây giờ',
      { category: 'account_security', level: 'critical' },
    ],
    [
      'live takeover typed without tones',
      'tai khoan minh bi hack, no dang dang link lua dao ngay bay gio',
      { category: 'account_security', level: 'critical' },
    ],
    [
      'denied takeover',
      'tài khoản mình không bị chiếm đâu, chỉ muốn đổi email thôi',
      { category: 'account_security', level: 'normal', sentiment: 'neutral' },
    ],
    ['double charge', 'mình bị trừ tiền 2 lần cho gói đăng ký', { category: 'payment', level: 'high' }],
    [
      'stream cut while live',
      'mình đang live thì live bị cắt không rõ lý do',
      { category: 'content_moderation', level: 'critical' },
    ],
    [
      'praise',
      'cảm ơn, công cụ chỉnh sửa mới tuyệt vời',
      { category: 'feedback', level: 'low', sentiment: 'positive' },
    ],
    ['threat and doxxing', 'có người dọa giết mình và lộ địa chỉ nhà mình', { level: 'critical' }],
  ],
};

describe.each(Object.entries(CASES))('%s word lists', (_lang, cases) => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(score(text)).toMatchObject(expected);
  });
});

describe('negation and questions in the Latin-script lists', () => {
  it('does not count a denied charge or a harm only asked about', () => {
    expect(score('no me cobraron doble, solo veo una retención pendiente').level).not.toBe('high');
    expect(score('¿me banearon la cuenta?').level).toBe('normal');
    expect(score('não fui cobrado duas vezes').level).toBe('normal');
  });
});
