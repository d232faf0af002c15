/**
 * Signals the level rules reason about. Each is evidence of something happening to the user, not
 * a category: the same "right now" raises a takeover and a payment problem alike.
 */
export const SIGNALS = [
  'takeover', // someone else controls or broke into the account
  'activeTakeover', // the takeover is visibly under way: credentials changed, account used, owner shut out
  'lockout', // the owner cannot use the account (locked, frozen, suspended)
  'moneyTaken', // money leaving without consent
  'billingError', // money wrongly charged or owed money missing
  'liveContext', // the user is or was broadcasting live
  'liveNow', // the broadcast is happening at this moment
  'streamCut', // a broadcast was banned, cut or ended by the platform
  'banned', // the user or their content was banned or blocked
  'streamBroken', // a broadcast freezes, lags or goes black for viewers
  'safety', // threats, doxxing, harassment, exposure of personal data
  'contentAction', // content removed, struck, or an appeal against that
  'copyrightHarm', // someone copied the user's work, or a claim was filed against the user
  'technicalFault', // the product misbehaves
  'immediacy', // it is happening now or just happened
  'recurring', // it keeps happening or happened again
  'lasting', // it has gone on for days or weeks
  'impact', // a large audience or the user's income is affected
  'distress', // the user pleads for urgent help
  'negative', // dissatisfaction words
  'positive', // praise, thanks, wishes
] as const;

export type Signal = (typeof SIGNALS)[number];

/** Signals that are harm done to the user (as against context, timing or feelings). */
export const HARM_SIGNALS = [
  'takeover',
  'activeTakeover',
  'lockout',
  'moneyTaken',
  'billingError',
  'streamCut',
  'banned',
  'streamBroken',
  'safety',
  'contentAction',
  'copyrightHarm',
  'technicalFault',
] as const satisfies readonly Signal[];

export interface SignalTerms {
  /** English phrases; words are stemmed when loaded and matched in order with small gaps. */
  en: readonly string[];
  /** Chinese patterns (regular expression source) matched within one clause. */
  zh: readonly string[];
}
