import { beforeAll, describe, expect, it } from 'vitest';
import { policyDraft, validPolicy, vipSecurityQueue, wideningLadder } from '../policy/fixtures.js';
import { simulate, type SimOptions, type SimResult } from './simulate.js';

const routing = validPolicy(
  policyDraft(
    [
      vipSecurityQueue(
        wideningLadder({
          neighbourSkillsAt: 30,
          anySkillAt: 60,
          englishAt: 90,
          priorityAt: 120,
          priorityPoints: 20,
        }),
      ),
      {
        name: 'standard',
        escalation: wideningLadder({
          neighbourSkillsAt: 60,
          anySkillAt: 120,
          englishAt: 180,
          priorityAt: 600,
          priorityPoints: 10,
        }),
      },
    ],
    { account_security: ['payment'], payment: ['account_security'] },
  ),
);

/**
 * Six English agents, none with account security, none speaking French; handle time 5 min, about
 * 70% busy. Creators' account-security cases need a skill nobody has; French payment cases a
 * language nobody speaks.
 */
const floor: SimOptions = {
  agents: 6,
  serviceRate: 1 / 300,
  agentProfiles: [
    { languages: ['en'], skills: ['technical', 'payment'] },
    { languages: ['en'], skills: ['content_moderation', 'technical'] },
    { languages: ['en'], skills: ['payment'] },
  ],
  classes: [
    { name: 'technical', arrivalRate: 0.01, score: 40, category: 'technical' },
    {
      name: 'creator-security',
      arrivalRate: 0.002,
      score: 70,
      tier: 'creator',
      category: 'account_security',
    },
    { name: 'french-payment', arrivalRate: 0.002, score: 50, language: 'fr', category: 'payment' },
  ],
  arrivals: 2000,
  warmup: 100,
  seed: 20_240_611,
};

describe('simulator with a routing policy (fixed seed)', () => {
  let without: SimResult;
  let withPolicy: SimResult;
  beforeAll(() => {
    without = simulate(floor);
    withPolicy = simulate({ ...floor, routing });
  });

  it('without a policy, requests with a skill or language nobody has are never served', () => {
    expect(without.classServed['creator-security']).toBe(0);
    expect(without.classServed['french-payment']).toBe(0);
    expect(without.classUnserved['creator-security']).toBeGreaterThan(200);
    expect(without.classUnserved['french-payment']).toBeGreaterThan(200);
    expect(without.classUnserved.technical).toBe(0);
  });

  it('with the policy, they are widened and served, each after its step', () => {
    expect(withPolicy.classUnserved).toEqual({ technical: 0, 'creator-security': 0, 'french-payment': 0 });
    const security = withPolicy.classServed['creator-security']!;
    const french = withPolicy.classServed['french-payment']!;
    expect(security).toBeGreaterThan(200);
    expect(french).toBeGreaterThan(200);
    // A neighbour skill (payment) serves the security cases from 30 s; French waits for English at 180 s.
    expect(withPolicy.classWaits['creator-security']).toBeGreaterThanOrEqual(30);
    expect(withPolicy.classWaits['creator-security']).toBeLessThan(90);
    expect(withPolicy.classWaits['french-payment']).toBeGreaterThanOrEqual(180);
    expect(withPolicy.classWaits['french-payment']).toBeLessThan(400);
    expect(withPolicy.servedWithReason['widened:neighbour_skill']).toBe(security + french);
    expect(withPolicy.servedWithReason['fallback:language']).toBe(french);
    // Every French case needed any skill too; security cases only when the neighbours were busy past 60 s.
    expect(withPolicy.servedWithReason['widened:any_skill']).toBeGreaterThanOrEqual(french);
  });

  it('raises the priority of what waited past M s and alerts a supervisor once for each', () => {
    const escalated = withPolicy.servedWithReason['escalated:priority']!;
    expect(escalated).toBeGreaterThan(0);
    expect(withPolicy.servedWithReason['escalated:supervisor']).toBe(escalated);
    expect(withPolicy.supervisorAlerts).toBe(escalated);
    expect(without.supervisorAlerts).toBe(0);
  });
});
