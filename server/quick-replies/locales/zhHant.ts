import type { LocaleReplies } from '../wording.js';

export const zhHant: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: '正在保護帳號',
      text: '我正在為您保護帳號：所有登入裝置將被強制登出，並檢查最近的變更。請不要把任何驗證碼告訴他人。',
    },
    'verify-owner': {
      title: '核對身分',
      text: '為了恢復帳號，我需要確認您是帳號擁有者。我會傳送驗證連結到變更前綁定的電子郵件或手機號碼。',
    },
  },
  payment: {
    'freeze-charges': {
      title: '停止扣款',
      text: '我已標記這些扣款，並在調查期間暫停帳號的消費。未經授權的扣款將全額退還。',
    },
    'refund-timeline': { title: '退款時間', text: '退款已提交，通常會在 3–5 個工作天內退回原付款方式。' },
  },
  content_moderation: {
    'review-now': {
      title: '人工複審',
      text: '我已將您的案件送交緊急人工複審。如果處置有誤，將予以撤銷並從您的紀錄中移除。',
    },
    'appeal-steps': {
      title: '申訴流程',
      text: '我已為您提出申訴，結果通常會在 24 小時內透過應用程式通知您。',
    },
  },
  technical: {
    'collect-info': {
      title: '提供資訊',
      text: '請告訴我您的應用程式版本和手機型號。同時，請更新應用程式並重新啟動。',
    },
    'known-issue': { title: '已知問題', text: '這是已知問題，工程師正在修復中。一修好我會馬上通知您。' },
  },
  copyright: {
    takedown: {
      title: '檢舉盜用',
      text: '我已針對被盜用的內容提出著作權檢舉。請提供您原創作品的連結，方便我們盡快處理。',
    },
    'dispute-claim': {
      title: '對檢舉提出異議',
      text: '您可以對這項檢舉提出異議。我已為您發起異議程序，請提供您擁有該素材或已取得授權的證明。',
    },
  },
  feedback: { thanks: { title: '感謝回饋', text: '感謝您的建議！我已轉交給產品團隊。' } },
  general: { 'happy-to-help': { title: '樂意協助', text: '很高興為您服務！具體步驟如下：' } },
};
