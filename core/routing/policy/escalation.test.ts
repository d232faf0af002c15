import { describe, expect, it } from 'vitest';
import { countEligible, meetsEligibility } from './eligibleAgents.js';
import { eligibilityAt, queueEligibility, stepAt } from './escalation.js';
import { policyDraft, validPolicy, vipSecurityQueue, wideningLadder } from './fixtures.js';
import { ROUTING_REASON_CODES } from './reasons.js';
import type { RouteSubject } from './route.js';

const NOTE = 'Answer in simple English and offer a callback in their language.';
const policy = validPolicy(
  policyDraft(
    [
      vipSecurityQueue([
        ...wideningLadder({
          neighbourSkillsAt: 30,
          anySkillAt: 60,
          englishAt: 90,
          englishNote: NOTE,
          priorityAt: 120,
          priorityPoints: 20,
        }),
        { afterSeconds: 300, when: 'still_waiting', action: 'raise_priority', points: 10 },
      ]),
      {
        name: 'standard',
        escalation: [
          { afterSeconds: 0, when: 'none_eligible_online', action: 'widen_to_any_skill' },
          { afterSeconds: 10, when: 'none_eligible_online', action: 'fallback_language', language: 'en-GB' },
        ],
      },
    ],
    { account_security: ['payment', 'technical'] },
  ),
);
const vipQueue = policy.document.queues[0]!;
const creatorInFrench: RouteSubject = {
  tier: 'creator',
  category: 'account_security',
  language: 'fr-CA',
  channel: 'call',
};

describe('escalation of a queue while a request waits', () => {
  it('asks at first for the queue’s own skills in the request’s language', () => {
    expect(eligibilityAt(policy, creatorInFrench, 29, 0)).toEqual({
      queue: 'vip-security',
      languages: ['fr'],
      skillGroups: [['account_security']],
      priorityBoost: 0,
      reasons: [],
      alertSupervisor: false,
      alertStep: null,
      nextStepAfterSeconds: 30,
    });
  });

  it('widens to neighbouring skills after N s with no eligible agent online', () => {
    const at = eligibilityAt(policy, creatorInFrench, 30, 0);
    expect(at.skillGroups).toEqual([['account_security', 'payment', 'technical']]);
    expect(at.languages).toEqual(['fr']);
    expect(at.reasons).toEqual([
      {
        code: 'widened:neighbour_skill',
        params: { afterSeconds: 30, required: ['account_security'], added: ['payment', 'technical'] },
      },
    ]);
    expect(at.nextStepAfterSeconds).toBe(60);
  });

  it('then to any agent with the language', () => {
    const at = eligibilityAt(policy, creatorInFrench, 60, 0);
    expect(at.skillGroups).toEqual([]);
    expect(at.languages).toEqual(['fr']);
    expect(at.reasons.map((r) => r.code)).toEqual(['widened:neighbour_skill', 'widened:any_skill']);
    expect(at.reasons[1]).toEqual({
      code: 'widened:any_skill',
      params: { afterSeconds: 60, required: ['account_security'] },
    });
  });

  it('then to an English fallback, with the operator’s note for the agent', () => {
    const at = eligibilityAt(policy, creatorInFrench, 90, 0);
    expect(at.languages).toEqual(['fr', 'en']);
    expect(at.reasons.at(-1)).toEqual({
      code: 'fallback:language',
      params: { afterSeconds: 90, requested: 'fr', language: 'en', note: NOTE },
    });
    expect(at.alertSupervisor).toBe(false);
  });

  it('after M s raises the priority by P points and alerts a supervisor, once per alerting step', () => {
    const at = eligibilityAt(policy, creatorInFrench, 120, 0);
    expect(at.priorityBoost).toBe(20);
    expect(at.alertSupervisor).toBe(true);
    expect(at.alertStep).toBe(3);
    expect(at.reasons.slice(-2)).toEqual([
      { code: 'escalated:priority', params: { afterSeconds: 120, points: 20 } },
      { code: 'escalated:supervisor', params: { afterSeconds: 120 } },
    ]);
    const later = eligibilityAt(policy, creatorInFrench, 3600, 0);
    expect(later.priorityBoost).toBe(30);
    expect(later.alertStep).toBe(3);
    expect(later.nextStepAfterSeconds).toBeNull();
  });

  it('does not widen while an agent who could serve it unwidened is online, but still escalates by time', () => {
    const at = eligibilityAt(policy, creatorInFrench, 200, 1);
    expect(at.languages).toEqual(['fr']);
    expect(at.skillGroups).toEqual([['account_security']]);
    expect(at.priorityBoost).toBe(20);
    expect(at.reasons.map((r) => r.code)).toEqual(['escalated:priority', 'escalated:supervisor']);
    expect(stepAt(vipQueue, 200, 1).steps).toEqual([3]);
    expect(stepAt(vipQueue, 200, 0).steps).toEqual([0, 1, 2, 3]);
  });

  it('leaves no reason for a step that changes nothing for this request', () => {
    const general: RouteSubject = {
      tier: 'regular',
      category: 'general',
      language: 'en-US',
      channel: 'text',
    };
    const at = eligibilityAt(policy, general, 60, 0);
    expect(at).toMatchObject({ queue: 'standard', languages: ['en'], skillGroups: [], reasons: [] });
    const payment = eligibilityAt(policy, { ...general, category: 'payment', language: 'de' }, 10, 0);
    expect(payment.skillGroups).toEqual([]);
    expect(payment.languages).toEqual(['de', 'en']);
    expect(payment.reasons.map((r) => r.code)).toEqual(['widened:any_skill', 'fallback:language']);
  });

  it('uses a fixed set of reason codes', () => {
    expect(ROUTING_REASON_CODES).toEqual([
      'widened:neighbour_skill',
      'widened:any_skill',
      'fallback:language',
      'escalated:priority',
      'escalated:supervisor',
    ]);
  });

  it('is a pure function of its arguments', () => {
    const first = eligibilityAt(policy, creatorInFrench, 95, 0);
    eligibilityAt(policy, creatorInFrench, 5000, 3);
    expect(eligibilityAt(policy, creatorInFrench, 95, 0)).toEqual(first);
  });
});

describe('who counts as eligible', () => {
  const { eligibility } = queueEligibility(policy, creatorInFrench);
  const agents = [
    { languages: ['fr-FR', 'en'], skills: ['account_security'] },
    { languages: ['fr'], skills: ['payment'] },
    { languages: ['en'], skills: ['account_security'] },
  ];

  it('needs one of the languages and a skill from every group', () => {
    expect(eligibility).toEqual({ languages: ['fr'], skillGroups: [['account_security']] });
    expect(countEligible(agents, eligibility)).toBe(1);
    expect(
      meetsEligibility(agents[1]!, { languages: ['fr'], skillGroups: [['account_security', 'payment']] }),
    ).toBe(true);
    expect(countEligible(agents, { languages: ['fr', 'en'], skillGroups: [] })).toBe(3);
    expect(meetsEligibility(agents[2]!, { languages: ['en'], skillGroups: [['general']] })).toBe(true);
  });
});
