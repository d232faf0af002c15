import { policyDraft, vipSecurityQueue } from '../../core/routing/policy/fixtures.js';

/**
 * The escalation ladder the routing policy suites run, at test speed: creators' account-security
 * cases join `vip-security`, then after 1 s with no specialist online widen to a neighbouring
 * skill (payment), after 2 s to any skill, after 3 s take English speakers too, and after 4 s of
 * waiting at all gain 20 points and alert a supervisor.
 */
export const FALLBACK_NOTE = 'Answer in simple English; offer a callback in their language.';

export function ladderPolicy() {
  return policyDraft(
    [
      vipSecurityQueue([
        { afterSeconds: 1, when: 'none_eligible_online', action: 'widen_to_neighbour_skills' },
        { afterSeconds: 2, when: 'none_eligible_online', action: 'widen_to_any_skill' },
        {
          afterSeconds: 3,
          when: 'none_eligible_online',
          action: 'fallback_language',
          language: 'en',
          note: FALLBACK_NOTE,
        },
        {
          afterSeconds: 4,
          when: 'still_waiting',
          action: 'raise_priority',
          points: 20,
          alertSupervisor: true,
        },
      ]),
      { name: 'standard' },
    ],
    { account_security: ['payment'] },
  );
}
