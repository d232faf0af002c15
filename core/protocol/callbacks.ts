import { Type, type Static } from '@sinclair/typebox';

/**
 * Callbacks: a waiting user asks to be called back and may leave; see docs/protocol.md. waiting:
 * in the line without a socket; ringing: an agent took it and the user is being reached;
 * retrying: the first try went unanswered and the one retry is due later; answered; missed: the
 * case went on as a text conversation.
 */
export const CALLBACK_STATES = ['waiting', 'ringing', 'retrying', 'answered', 'missed'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

export const CallbackReply = Type.Object({
  id: Type.String(),
  callback: Type.Union([Type.Literal('waiting'), Type.Literal('none')], {
    description: 'waiting: the user will be called back; none: the user waits in the widget again',
  }),
});
export type CallbackReply = Static<typeof CallbackReply>;

/** The floor's callbacks by outcome, counted apart from abandonment. */
export const CallbackCounts = Type.Object({
  requested: Type.Integer({ minimum: 0, description: 'Users who chose to be called back' }),
  answered: Type.Integer({ minimum: 0, description: 'Callbacks the user answered in time' }),
  retried: Type.Integer({ minimum: 0, description: 'Callbacks whose first try went unanswered' }),
  missed: Type.Integer({
    minimum: 0,
    description: 'Callbacks unanswered after the retry, continued as a text conversation',
  }),
});
export type CallbackCounts = Static<typeof CallbackCounts>;
