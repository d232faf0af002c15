import type { LocaleReplies } from '../wording.js';

export const en: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Securing the account',
      text: 'I am securing your account right now: active sessions are being signed out and recent changes reviewed. Please do not share any codes with anyone.',
    },
    'verify-owner': {
      title: 'Verify ownership',
      text: 'To restore access I need to confirm you own the account. I will send a verification link to the email or phone number you had before the change.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Stopping charges',
      text: 'I have flagged these charges and blocked further purchases on your account while we investigate. Any unauthorised charge will be refunded.',
    },
    'refund-timeline': {
      title: 'Refund timeline',
      text: 'Your refund has been submitted. It usually reaches your original payment method within 3–5 business days.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Reviewing the action',
      text: 'I have sent your case for an urgent human review. If the action was a mistake it will be reversed and removed from your record.',
    },
    'appeal-steps': {
      title: 'How appeals work',
      text: 'I have filed the appeal for you. You will get a decision in the app, usually within 24 hours.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Details please',
      text: 'Could you tell me your app version and phone model? Meanwhile, please update the app and restart it.',
    },
    'known-issue': {
      title: 'Known issue',
      text: 'This is a known issue our engineers are fixing now. I will let you know as soon as it is resolved.',
    },
  },
  copyright: {
    takedown: {
      title: 'Report the copy',
      text: 'I have opened a copyright report for the copied content. Please send the links to your original posts so we can act quickly.',
    },
    'dispute-claim': {
      title: 'Dispute a claim',
      text: 'You can dispute this claim. I have started the dispute; please share proof that you own or licensed the material.',
    },
  },
  feedback: {
    thanks: { title: 'Thank you', text: 'Thank you for the idea! I have passed it to the product team.' },
  },
  general: {
    'happy-to-help': { title: 'Happy to help', text: 'Happy to help! Here is how to do that step by step:' },
  },
};
