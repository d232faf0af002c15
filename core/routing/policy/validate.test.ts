import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyDraft, vipSecurityQueue } from './fixtures.js';
import { validatePolicy } from './validate.js';

const example: unknown = JSON.parse(
  readFileSync(new URL('../../../config/routing-policy.example.json', import.meta.url), 'utf8'),
);

/** A small valid policy each test bends one way or another. */
const policy = () =>
  policyDraft(
    [
      vipSecurityQueue([
        { afterSeconds: 30, when: 'none_eligible_online', action: 'widen_to_neighbour_skills' },
        { afterSeconds: 60, when: 'still_waiting', action: 'raise_priority', points: 20 },
      ]),
      { name: 'standard' },
    ],
    { account_security: ['payment'] },
  );

const codesAt = (doc: unknown) => {
  const result = validatePolicy(doc);
  return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
};

describe('validatePolicy', () => {
  it('accepts the example policy file as it is', () => {
    const result = validatePolicy(example);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('returns a frozen policy that later edits to the input cannot change', () => {
    const doc = policy();
    const result = validatePolicy(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    doc.queues[0]!.name = 'changed';
    expect(result.policy.document.queues[0]!.name).toBe('vip-security');
    expect(Object.isFrozen(result.policy.document.queues[0])).toBe(true);
    expect(result.policy.defaultQueue.name).toBe('standard');
  });

  it('lists schema and meaning problems together, with paths, and no policy', () => {
    const doc = policy();
    doc.defaultQueue = 'nowhere';
    doc.skillNeighbours = { account_securty: ['payment'], payment: ['refunds'] };
    doc.queues.push(
      {
        name: 'vip-security',
        match: [{ tiers: ['celebrity'], categories: ['acount_security'] }],
        escalation: [
          { afterSeconds: 90, when: 'still_waiting', action: 'raise_priority', points: 5 },
          { afterSeconds: 60, when: 'still_waiting', action: 'raise_priority', points: 0 },
          { afterSeconds: 120, when: 'sometimes', action: 'teleport' },
        ],
      },
      { name: 'Bad Name', unknownField: true },
    );
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    expect('policy' in result).toBe(false);
    expect(codesAt(doc)).toEqual(
      expect.arrayContaining([
        'unknown_skill /skillNeighbours/payment/0',
        'unknown_tier /queues/2/match/0/tiers/0',
        'unknown_category /queues/2/match/0/categories/0',
        'schema /queues/2/escalation/1/points',
        'schema /queues/2/escalation/2/action',
        'schema /queues/3/name',
        'schema /queues/3/unknownField',
        'unknown_queue /defaultQueue',
        'unknown_skill /skillNeighbours/account_securty',
        'duplicate_queue /queues/2/name',
        'steps_not_increasing /queues/2/escalation/1/afterSeconds',
      ]),
    );
    const problems = result.ok ? [] : result.problems;
    expect(problems.find((p) => p.code === 'unknown_tier')?.message).toMatch(/"celebrity".*regular, creator/);
  });

  it('finds a queue no request can reach, and a condition an earlier queue always takes', () => {
    const doc = policy();
    doc.queues.splice(
      1,
      0,
      // Every creator and brand account-security case is already vip-security's.
      { name: 'creator-security', match: [{ tiers: ['creator'], categories: ['account_security'] }] },
      {
        name: 'payments',
        match: [{ categories: ['payment'] }, { tiers: ['brand'], categories: ['account_security'] }],
      },
      { name: 'orphan' },
    );
    expect(codesAt(doc)).toEqual([
      'queue_unreachable /queues/1',
      'match_shadowed /queues/2/match/1',
      'queue_unreachable /queues/3',
    ]);
  });

  it('finds a queue covered only by several earlier queues together', () => {
    const doc = policy();
    doc.queues.splice(
      1,
      0,
      { name: 'calls', match: [{ channels: ['call'] }] },
      { name: 'messages', match: [{ channels: ['voice', 'text'] }] },
      { name: 'chinese', match: [{ languages: ['zh-CN'] }] },
    );
    expect(codesAt(doc)).toEqual(['queue_unreachable /queues/3']);
  });

  it('refuses steps that could never change anything', () => {
    const doc = policy();
    doc.skillNeighbours = {};
    doc.queues[0]!.escalation = [
      { afterSeconds: 10, when: 'none_eligible_online', action: 'widen_to_neighbour_skills' },
      { afterSeconds: 20, when: 'none_eligible_online', action: 'widen_to_any_skill' },
      { afterSeconds: 30, when: 'none_eligible_online', action: 'widen_to_any_skill' },
      { afterSeconds: 40, when: 'none_eligible_online', action: 'fallback_language', language: 'en' },
      { afterSeconds: 50, when: 'none_eligible_online', action: 'fallback_language', language: 'en' },
    ];
    expect(codesAt(doc)).toEqual([
      'neighbour_step_without_neighbours /queues/0/escalation/0',
      'step_without_effect /queues/0/escalation/2',
      'step_without_effect /queues/0/escalation/4',
    ]);
  });

  it('says what is wrong with something that is not a policy at all', () => {
    expect(codesAt('queues: []')).toEqual(['schema ']);
    expect(codesAt({ version: 2, defaultQueue: 'x', queues: [] })).toEqual([
      'schema /version',
      'schema /queues',
      'unknown_queue /defaultQueue',
    ]);
  });
});
