import type { CategoryName } from '../../core/protocol/vocabulary.js';

export interface QuickReply {
  id: string;
  title: string;
  text: string;
}

type Catalogue = Record<CategoryName, Record<'en' | 'zh', QuickReply[]>>;

/**
 * Canned first answers per category, in English and Chinese. Agents edit them before sending.
 */
export const DEFAULT_QUICK_REPLIES: Catalogue = {
  account_security: {
    en: [
      {
        id: 'secure-now',
        title: 'Securing the account',
        text: 'I am securing your account right now: active sessions are being signed out and recent changes reviewed. Please do not share any codes with anyone.',
      },
      {
        id: 'verify-owner',
        title: 'Verify ownership',
        text: 'To restore access I need to confirm you own the account. I will send a verification link to the email or phone number you had before the change.',
      },
    ],
    zh: [
      {
        id: 'secure-now',
        title: '正在保护账号',
        text: '我正在为您保护账号：所有登录设备将被强制退出，并核查最近的修改。请不要把任何验证码告诉他人。',
      },
      {
        id: 'verify-owner',
        title: '核实身份',
        text: '为了恢复账号，我需要确认您是账号所有人。我会向变更前绑定的邮箱或手机号发送验证链接。',
      },
    ],
  },
  payment: {
    en: [
      {
        id: 'freeze-charges',
        title: 'Stopping charges',
        text: 'I have flagged these charges and blocked further purchases on your account while we investigate. Any unauthorised charge will be refunded.',
      },
      {
        id: 'refund-timeline',
        title: 'Refund timeline',
        text: 'Your refund has been submitted. It usually reaches your original payment method within 3–5 business days.',
      },
    ],
    zh: [
      {
        id: 'freeze-charges',
        title: '停止扣款',
        text: '我已标记这些扣款，并在调查期间暂停了账号的消费。未经授权的扣款会全额退还。',
      },
      {
        id: 'refund-timeline',
        title: '退款时间',
        text: '退款已提交，通常会在 3–5 个工作日内退回原支付方式。',
      },
    ],
  },
  content_moderation: {
    en: [
      {
        id: 'review-now',
        title: 'Reviewing the action',
        text: 'I have sent your case for an urgent human review. If the action was a mistake it will be reversed and removed from your record.',
      },
      {
        id: 'appeal-steps',
        title: 'How appeals work',
        text: 'I have filed the appeal for you. You will get a decision in the app, usually within 24 hours.',
      },
    ],
    zh: [
      {
        id: 'review-now',
        title: '人工复核',
        text: '我已将您的情况提交紧急人工复核。如果处罚有误，将被撤销并从记录中移除。',
      },
      {
        id: 'appeal-steps',
        title: '申诉流程',
        text: '我已为您提交申诉，结果通常会在 24 小时内通过应用通知您。',
      },
    ],
  },
  technical: {
    en: [
      {
        id: 'collect-info',
        title: 'Details please',
        text: 'Could you tell me your app version and phone model? Meanwhile, please update the app and restart it.',
      },
      {
        id: 'known-issue',
        title: 'Known issue',
        text: 'This is a known issue our engineers are fixing now. I will let you know as soon as it is resolved.',
      },
    ],
    zh: [
      {
        id: 'collect-info',
        title: '收集信息',
        text: '请告诉我您的应用版本和手机型号。同时请更新应用并重新启动。',
      },
      {
        id: 'known-issue',
        title: '已知问题',
        text: '这是一个已知问题，工程师正在修复。修复后我会第一时间通知您。',
      },
    ],
  },
  copyright: {
    en: [
      {
        id: 'takedown',
        title: 'Report the copy',
        text: 'I have opened a copyright report for the copied content. Please send the links to your original posts so we can act quickly.',
      },
      {
        id: 'dispute-claim',
        title: 'Dispute a claim',
        text: 'You can dispute this claim. I have started the dispute; please share proof that you own or licensed the material.',
      },
    ],
    zh: [
      {
        id: 'takedown',
        title: '举报搬运',
        text: '我已为被搬运的内容创建版权投诉。请发送您原创作品的链接，以便我们尽快处理。',
      },
      {
        id: 'dispute-claim',
        title: '对投诉提出异议',
        text: '您可以对该投诉提出异议。我已发起申诉，请提供您拥有或已获授权的证明。',
      },
    ],
  },
  feedback: {
    en: [
      {
        id: 'thanks',
        title: 'Thank you',
        text: 'Thank you for the idea! I have passed it to the product team.',
      },
    ],
    zh: [{ id: 'thanks', title: '感谢反馈', text: '感谢您的建议！我已转交给产品团队。' }],
  },
  general: {
    en: [
      {
        id: 'happy-to-help',
        title: 'Happy to help',
        text: 'Happy to help! Here is how to do that step by step:',
      },
    ],
    zh: [{ id: 'happy-to-help', title: '乐意帮助', text: '很高兴为您服务！具体步骤如下：' }],
  },
};
