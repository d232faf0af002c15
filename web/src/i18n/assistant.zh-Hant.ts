// Generated once from assistant.zh.ts with OpenCC (cn → tw), then read through: edit by hand.
import type { AssistantMessages } from './assistant.en.js';

export const assistantZhHant: AssistantMessages = {
  assistant: {
    name: '智能助手',
    tryFirst: '先讓智能助手試試',
    tryFirstHint: '助手會立即從幫助中心找答案；隨時可以一鍵轉人工。',
    holding: '智能助手正在根據幫助中心為您解答，您隨時可以轉人工客服。',
    solved: '問題已解決',
    stillNeedHelp: '仍需幫助',
    human: '聯繫人工客服',
    selfServed: '很高興幫到您！此請求已關閉，如有其他問題隨時可以再來問。',
    articles: '相關文章',
    openArticle: '閱讀《{{title}}》',
    closeArticle: '關閉文章',
    articleLoading: '正在加載文章…',
    articleUnavailable: '文章無法加載',
    suggestions: '這些文章也許已經能解答您的問題',
    handedOver: '智能助手已轉人工：{{reason}}',
    handoff: {
      urgent: '情況緊急，直接轉人工',
      asked_for_human: '用戶要求人工客服',
      no_confident_match: '沒有足夠匹配的文章',
      not_helped_twice: '文章沒有解決問題',
      language_not_supported: '沒有用戶語言的文章',
      recorded_message: '用戶發送了錄音或視頻',
      unanswered: '用戶沒有再回覆',
      assistant_unavailable: '智能助手無法作答',
    },
    card: '智能助手',
    held: '先由助手解答',
    selfServedCount: '自助解決',
    deflection: '自助解決率',
    handoffs: '轉人工原因',
    noHandoffs: '暫無轉人工',
  },
};
