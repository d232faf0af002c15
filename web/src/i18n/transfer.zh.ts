import type { transferEn } from './transfer.en.js';

export const transferZh: typeof transferEn = {
  transfer: {
    open: '转接…',
    close: '关闭转接',
    heading: '咨询或转接',
    colleagues: '咨询同事（用户保持等待，之后可热转接）',
    consult: '咨询',
    free: '{{load}}/{{max}} 个会话',
    unavailable: '不可用',
    none: '没有在线的同事。',
    invited: '正在等待{{name}}加入…',
    joined: '正在与{{name}}咨询。用户在等待中，听不到您。',
    complete: '完成转接',
    cancel: '取消咨询',
    coldHeading: '退回队列（冷转接）',
    queue: '队列',
    note: '给下一位客服的备注',
    send: '退回队列',
    inviteTitle: '{{name}}请您协助咨询',
    inviteAccept: '加入咨询',
    inviteDecline: '拒绝',
    consultBanner: '正在为{{name}}提供咨询。在转接给您之前，只有{{name}}能听到您。',
    leave: '离开咨询',
    fromColleague: '由同事退回队列',
    noteFrom: '备注：{{note}}',
  },
};
