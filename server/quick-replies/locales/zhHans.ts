import type { LocaleReplies } from '../wording.js';

export const zhHans: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: '正在保护账号',
      text: '我正在为您保护账号：所有登录设备将被强制退出，并核查最近的修改。请不要把任何验证码告诉他人。',
    },
    'verify-owner': {
      title: '核实身份',
      text: '为了恢复账号，我需要确认您是账号所有人。我会向变更前绑定的邮箱或手机号发送验证链接。',
    },
  },
  payment: {
    'freeze-charges': {
      title: '停止扣款',
      text: '我已标记这些扣款，并在调查期间暂停了账号的消费。未经授权的扣款会全额退还。',
    },
    'refund-timeline': { title: '退款时间', text: '退款已提交，通常会在 3–5 个工作日内退回原支付方式。' },
  },
  content_moderation: {
    'review-now': {
      title: '人工复核',
      text: '我已将您的情况提交紧急人工复核。如果处罚有误，将被撤销并从记录中移除。',
    },
    'appeal-steps': { title: '申诉流程', text: '我已为您提交申诉，结果通常会在 24 小时内通过应用通知您。' },
  },
  technical: {
    'collect-info': { title: '收集信息', text: '请告诉我您的应用版本和手机型号。同时请更新应用并重新启动。' },
    'known-issue': {
      title: '已知问题',
      text: '这是一个已知问题，工程师正在修复。修复后我会第一时间通知您。',
    },
  },
  copyright: {
    takedown: {
      title: '举报搬运',
      text: '我已为被搬运的内容创建版权投诉。请发送您原创作品的链接，以便我们尽快处理。',
    },
    'dispute-claim': {
      title: '对投诉提出异议',
      text: '您可以对该投诉提出异议。我已发起申诉，请提供您拥有或已获授权的证明。',
    },
  },
  feedback: { thanks: { title: '感谢反馈', text: '感谢您的建议！我已转交给产品团队。' } },
  general: { 'happy-to-help': { title: '乐意帮助', text: '很高兴为您服务！具体步骤如下：' } },
};
