import { describe, expect, it } from 'vitest';
import { agentSnapshot as agent, DISPATCH as dispatch, NOW, waitingRequest } from '../fixtures.js';
import { planPolicyOffers, type PolicyWaitingRequest } from './planOffers.js';

function request(id: string, over: Partial<PolicyWaitingRequest> = {}): PolicyWaitingRequest {
  return {
    ...waitingRequest(id),
    eligibility: { languages: ['en'], skillGroups: [] },
    priorityBoost: 0,
    ...over,
  };
}

describe('planPolicyOffers', () => {
  it('serves a request by its widened eligibility, not its own language and category', () => {
    const fr = request('fr', {
      language: 'fr',
      category: 'account_security',
      eligibility: { languages: ['fr', 'en'], skillGroups: [['account_security', 'payment']] },
    });
    expect(planPolicyOffers([fr], [agent('a', { skills: ['payment'] })], NOW, dispatch)).toEqual([
      { requestId: 'fr', agentId: 'a' },
    ]);
    const narrow = { ...fr, eligibility: { languages: ['fr'], skillGroups: [['account_security']] } };
    expect(planPolicyOffers([narrow], [agent('a', { skills: ['payment'] })], NOW, dispatch)).toEqual([]);
  });

  it('orders by score plus the escalation boost', () => {
    const plans = planPolicyOffers(
      [request('high', { score: 60 }), request('boosted', { score: 50, priorityBoost: 20 })],
      [agent('a')],
      NOW,
      dispatch,
    );
    expect(plans).toEqual([{ requestId: 'boosted', agentId: 'a' }]);
  });

  it('keeps the decline cooldown and capacity rules', () => {
    const declined = request('r', { declinedBy: { a: NOW - 1000 } });
    expect(planPolicyOffers([declined], [agent('a'), agent('full', { load: 1 })], NOW, dispatch)).toEqual([]);
  });
});
