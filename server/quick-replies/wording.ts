import type { CategoryName } from '../../core/protocol/vocabulary.js';

/**
 * The catalogue's replies per category, by id: one id is the same reply in every language, so a
 * language's file that misses or adds one does not compile.
 */
export const REPLY_IDS = {
  account_security: ['secure-now', 'verify-owner'],
  payment: ['freeze-charges', 'refund-timeline'],
  content_moderation: ['review-now', 'appeal-steps'],
  technical: ['collect-info', 'known-issue'],
  copyright: ['takedown', 'dispute-claim'],
  feedback: ['thanks'],
  general: ['happy-to-help'],
} as const satisfies Record<CategoryName, readonly string[]>;

/** `title` names the reply on its button; `text` is what the user is sent once the agent edits it. */
export interface Wording {
  title: string;
  text: string;
}

/** One language's replies. */
export type LocaleReplies = {
  [C in CategoryName]: Record<(typeof REPLY_IDS)[C][number], Wording>;
};
