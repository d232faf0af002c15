import type { CategoryName } from '../../server/schemas/domain.js';
import type { Level, Urgency, UrgencyInput } from './types.js';

/**
 * A first, deliberately simple scorer: keyword lists per category and for harm happening now.
 * The voice-and-urgency issue replaces it with the full multilingual scorer behind the same type.
 */
const CATEGORY_WORDS: [CategoryName, RegExp][] = [
  ['account_security', /hack|password|stolen account|log ?in|2fa|verification|盗号|被盗|密码|登录|账号/i],
  ['payment', /charge|refund|payment|paid|coin|card|扣款|退款|支付|充值|付款/i],
  ['content_moderation', /\bban|banned|strike|appeal|removed|violation|封禁|封号|申诉|违规|下架/i],
  ['copyright', /copyright|dmca|stole my (video|content)|版权|侵权|盗用/i],
  ['technical', /crash|bug|error|lag|not working|broken|闪退|卡顿|故障|无法/i],
  ['feedback', /suggest|feature request|would be nice|love the|建议|希望|反馈/i],
];

const HARM_NOW =
  /right now|just now|in progress|someone is|being charged|mid[- ]?stream|while live|threat|dox|正在|刚刚|威胁|人肉/i;
const DISTRESS = /urgent|asap|immediately|help|please|紧急|马上|立刻|救命/i;

const LEVEL_BASE: Record<Level, number> = { critical: 85, high: 65, normal: 40, low: 20 };
const TIER_BONUS = { regular: 0, creator: 5, brand: 8, advertiser: 8 } as const;
const REPEAT_BONUS_PER_CONTACT = 4;
const REPEAT_BONUS_MAX = 12;

interface Categorised {
  category: CategoryName;
  reason: string;
  /** Only a category the text itself shows may raise the level; a user's pick may not. */
  fromText: boolean;
}

function categorise(text: string, hint: CategoryName | undefined): Categorised {
  const found = CATEGORY_WORDS.find(([, words]) => words.test(text));
  if (found) return { category: found[0], reason: `category:${found[0]}`, fromText: true };
  if (hint) return { category: hint, reason: `category-hint:${hint}`, fromText: false };
  return { category: 'general', reason: 'category:general', fromText: false };
}

function levelOf(text: string, { category, fromText }: Categorised): Level {
  if (category === 'feedback') return 'low';
  if (!fromText) return DISTRESS.test(text) ? 'high' : 'normal';
  if (HARM_NOW.test(text)) return 'critical';
  if (DISTRESS.test(text) || category === 'account_security' || category === 'payment') return 'high';
  return 'normal';
}

export function scoreUrgency(input: UrgencyInput): Urgency {
  const text = input.text ?? '';
  const categorised = categorise(text, input.categoryHint);
  const { category, reason } = categorised;
  const level = levelOf(text, categorised);
  const reasons = [reason, `level:${level}`];
  let score = LEVEL_BASE[level];
  if (TIER_BONUS[input.tier] > 0) {
    score += TIER_BONUS[input.tier];
    reasons.push(`tier:${input.tier}`);
  }
  if (input.repeatContacts > 0) {
    score += Math.min(REPEAT_BONUS_MAX, input.repeatContacts * REPEAT_BONUS_PER_CONTACT);
    reasons.push(`repeat:${input.repeatContacts}`);
  }
  return { category, level, score: Math.min(100, score), reasons };
}
