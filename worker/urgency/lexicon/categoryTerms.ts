import type { CategoryName } from '../../../server/schemas/domain.js';
import type { Signal, SignalTerms } from './signals.js';

/** Words that say what a request is about, whatever is happening. */
export const CATEGORY_TERMS: Record<Exclude<CategoryName, 'general'>, SignalTerms> = {
  account_security: {
    en: ['account', 'password', 'login', 'log in', 'sign in', 'signin', '2fa', 'two step', 'two factor', 'verification', 'verify', 'email', 'phone number', 'security', 'hacked', 'username', 'recovery'],
    zh: ['账号', '帐号', '账户', '密码', '登录', '手机号', '绑定', '验证', '安全', '邮箱', '实名'],
  },
  payment: {
    en: ['payment', 'pay', 'paid', 'charge', 'refund', 'coin', 'card', 'credit card', 'bank', 'purchase', 'bill', 'invoice', 'payout', 'earnings', 'withdraw', 'wallet', 'points', 'balance', 'subscription', 'money', 'price', 'tip', 'gift', 'redeem'],
    zh: ['支付', '付款', '充值', '金币', '扣款', '扣', '退款', '收益', '提现', '到账', '银行卡', '积分', '余额', '钱', '礼物', '订阅', '兑换', '打赏'],
  },
  content_moderation: {
    en: ['ban', 'banned', 'strike', 'removed', 'taken down', 'violation', 'violating', 'guidelines', 'appeal', 'restricted', 'shadowban', 'shadow restricted', 'demonetized', 'flagged', 'review', 'moderation', 'reach', 'fewer views', 'censored', 'hidden', 'shadow'],
    zh: ['被封', '封了', '封号', '封禁', '关播', '违规', '下架', '申诉', '限流', '审核', '屏蔽', '处罚', '播放量', '限制'],
  },
  copyright: {
    en: ['copyright', 'dmca', 'infringement', 'infringing', 'reupload', 'reuploaded', 'stole my', 'original video', 'my original', 'fair use', 'movie clip', 'licensed music', 'license', 'song', 'music rights', 'claim', 'watermark', 'repost'],
    zh: ['版权', '侵权', '搬运', '盗用', '原创', '抄袭', '授权', '片段', '配乐'],
  },
  technical: {
    en: ['crash', 'bug', 'error', 'glitch', 'not working', 'broken', 'freez', 'lag', 'stuck', 'upload', 'app', 'loading', 'black screen', 'no sound', 'camera', 'microphone', 'audio', 'update', 'slow', 'notification', 'cutting out'],
    zh: ['闪退', '崩溃', '卡顿', '卡住', '报错', '失败', '上传', '打不开', '加载', '黑屏', '没声音', '声音', '故障', '画面', '摄像头', '麦克风', '更新', '美颜', 'bug'],
  },
  feedback: {
    en: ['suggest', 'suggestion', 'feature request', 'would be great', 'would be nice', 'would love', 'wish', 'love', 'awesome', 'thanks for', 'please add', 'idea', 'improve', 'feedback', 'could you add'],
    zh: ['建议', '希望', '反馈', '增加', '好用', '好看', '点赞', '加一些', '改进', '优化', '支持'],
  },
};

/** Signals that also say what the request is about, with how strongly. */
export const SIGNAL_CATEGORY: Partial<Record<Signal, [CategoryName, number]>> = {
  takeover: ['account_security', 3],
  activeTakeover: ['account_security', 2],
  lockout: ['account_security', 2],
  safety: ['account_security', 3],
  moneyTaken: ['payment', 3],
  billingError: ['payment', 2],
  streamCut: ['content_moderation', 3],
  banned: ['content_moderation', 2],
  contentAction: ['content_moderation', 1],
  streamBroken: ['technical', 3],
  technicalFault: ['technical', 1],
  copyrightHarm: ['copyright', 3],
};

/** When two categories tie, the one whose harm is harder to undo wins. */
export const CATEGORY_PRECEDENCE: readonly CategoryName[] = [
  'account_security',
  'payment',
  'content_moderation',
  'copyright',
  'technical',
  'feedback',
  'general',
];
