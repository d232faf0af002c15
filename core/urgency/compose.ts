import type { Signal } from './lexicon/signals.js';
import type { Concept } from './lexicon/concepts.js';

/**
 * How concepts found in the same sentence add up to a signal. Each rule reads: if all of
 * `needs` appear together, the signal holds. Kept as data so each rule is plain to review.
 */
export const COMPOSITIONS: { signal: Signal; needs: Concept[] }[] = [
  { signal: 'takeover', needs: ['credential', 'changed', 'notMe'] },
  { signal: 'takeover', needs: ['credential', 'changed', 'someoneElse'] },
  { signal: 'takeover', needs: ['credential', 'changed', 'shutOut'] },
  { signal: 'takeover', needs: ['impersonation'] },
  { signal: 'activeTakeover', needs: ['impersonation', 'scammed'] },
  { signal: 'moneyTaken', needs: ['money', 'moneyLost', 'notMe'] },
  { signal: 'billingError', needs: ['money', 'moneyLost', 'notDelivered'] },
  { signal: 'billingError', needs: ['money', 'notDelivered'] },
  { signal: 'streamCut', needs: ['stream', 'stopped'] },
  { signal: 'streamBroken', needs: ['stream', 'broken'] },
  { signal: 'safety', needs: ['personalInfo', 'exposed', 'someoneElse'] },
  { signal: 'safety', needs: ['abuse', 'someoneElse'] },
  { signal: 'copyrightHarm', needs: ['myContent', 'copied'] },
  { signal: 'copyrightHarm', needs: ['myContent', 'notMe', 'someoneElse'] },
  { signal: 'contentAction', needs: ['silencedOrLimited'] },
];

/** Signals that follow from others, whatever the wording. */
export const IMPLIED: { signal: Signal; from: Signal[] }[] = [
  // Credentials changed by someone else means the owner is shut out or soon will be.
  { signal: 'activeTakeover', from: ['takeover', 'lockout'] },
];
