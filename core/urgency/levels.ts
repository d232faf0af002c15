import type { SignalHits } from './detect.js';
import type { UrgencyLevel as Level } from '../protocol/vocabulary.js';

export interface LevelDecision {
  level: Level;
  /** Why, in words an agent reads at a glance. */
  because: string;
  /**
   * A safety floor: harm the rules name outright (a takeover, money being taken, a threat, a
   * live broadcast cut). The learned model may raise a level but never take it below a floor.
   */
  floor?: true;
}

const has = (hits: SignalHits, ...signals: Parameters<SignalHits['has']>[0][]) =>
  signals.every((s) => hits.has(s));
const any = (hits: SignalHits, ...signals: Parameters<SignalHits['has']>[0][]) =>
  signals.some((s) => hits.has(s));

/**
 * The level rules. Each rule only asks for escalating signals to be present, never absent, so
 * adding evidence of harm can only raise the level. The one de-escalation: praise or a wish with
 * nothing wrong is feedback, and low.
 *   critical — harm is happening now: a takeover under way, money being taken, a live broadcast
 *              cut or broken while live, threats or doxxing.
 *   high     — harm that has happened and persists: a takeover or lockout, wrong or missing money,
 *              content taken down, stolen work or a claim against the user, a problem lasting days.
 *   low      — praise, wishes and suggestions with nothing wrong.
 *   normal   — everything else: questions, ordinary faults.
 */
export function decideLevel(hits: SignalHits): LevelDecision {
  const now = any(hits, 'immediacy', 'liveNow');
  if (has(hits, 'safety'))
    return { level: 'critical', because: 'threat or exposure of the user', floor: true };
  if (has(hits, 'takeover') && (now || has(hits, 'activeTakeover')))
    return { level: 'critical', because: 'account takeover in progress', floor: true };
  if (has(hits, 'moneyTaken') && (now || has(hits, 'recurring')))
    return { level: 'critical', because: 'money being taken now', floor: true };
  if ((has(hits, 'streamCut') && now) || has(hits, 'banned', 'liveNow'))
    return { level: 'critical', because: 'live broadcast cut', floor: true };
  if ((has(hits, 'streamBroken') && now) || has(hits, 'technicalFault', 'liveNow'))
    return { level: 'critical', because: 'live broadcast broken while live', floor: true };

  if (any(hits, 'takeover', 'lockout'))
    return { level: 'high', because: 'account taken or locked', floor: true };
  if (any(hits, 'moneyTaken', 'billingError'))
    return { level: 'high', because: 'money wrongly taken or missing', floor: true };
  if (any(hits, 'streamCut', 'copyrightHarm')) return { level: 'high', because: 'stream or work taken' };
  if (has(hits, 'contentAction')) return { level: 'high', because: 'content action to appeal' };
  if (has(hits, 'lasting') && any(hits, 'technicalFault', 'negative'))
    return { level: 'high', because: 'problem lasting for days' };

  const somethingWrong = any(hits, 'technicalFault', 'negative', 'streamBroken', 'contentAction');
  if (has(hits, 'positive') && !somethingWrong) return { level: 'low', because: 'feedback' };
  return {
    level: 'normal',
    because: somethingWrong ? 'problem without time pressure' : 'question or request',
  };
}
