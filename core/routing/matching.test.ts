import { describe, expect, it } from 'vitest';
import { agentSnapshot as agent, DISPATCH as policy, NOW, waitingRequest as request } from './fixtures.js';
import { planOffers } from './matching.js';

describe('planOffers', () => {
  it('gives the most urgent request to the longest idle agent', () => {
    const plans = planOffers(
      [request('low', { score: 10 }), request('high', { score: 90 })],
      [agent('recent', { idleSince: NOW - 10 }), agent('longest', { idleSince: NOW - 99_000 })],
      NOW,
      policy,
    );
    expect(plans).toEqual([
      { requestId: 'high', agentId: 'longest' },
      { requestId: 'low', agentId: 'recent' },
    ]);
  });

  it('lets waiting time overtake a higher score', () => {
    const old = request('old', { score: 40, createdAt: NOW - 20 * 60_000 });
    const fresh = request('fresh', { score: 60, createdAt: NOW });
    expect(planOffers([fresh, old], [agent('a')], NOW, policy)).toEqual([{ requestId: 'old', agentId: 'a' }]);
  });

  it('matches language by primary subtag and never across languages', () => {
    const plans = planOffers(
      [request('zh1', { language: 'zh-CN' }), request('en1')],
      [agent('zh-agent', { languages: ['zh'] })],
      NOW,
      policy,
    );
    expect(plans).toEqual([{ requestId: 'zh1', agentId: 'zh-agent' }]);
  });

  it('requires the category skill except for general requests', () => {
    const pay = request('pay', { category: 'payment', score: 90 });
    const general = request('gen', { score: 10 });
    const plans = planOffers([pay, general], [agent('generalist', { skills: ['technical'] })], NOW, policy);
    expect(plans).toEqual([{ requestId: 'gen', agentId: 'generalist' }]);
    const skilled = planOffers([pay], [agent('payer', { skills: ['payment'] })], NOW, policy);
    expect(skilled).toEqual([{ requestId: 'pay', agentId: 'payer' }]);
  });

  it('respects capacity, counting planned offers', () => {
    const requests = ['r1', 'r2', 'r3'].map((id) => request(id));
    const plans = planOffers(
      requests,
      [agent('a', { maxSessions: 2, load: 0 }), agent('full', { load: 1 })],
      NOW,
      policy,
    );
    expect(plans.map((p) => p.agentId)).toEqual(['a', 'a']);
  });

  it('skips an agent who declined within the cooldown, and offers again after it', () => {
    const declined = request('r', { declinedBy: { a: NOW - 1000 } });
    expect(planOffers([declined], [agent('a')], NOW, policy)).toEqual([]);
    expect(planOffers([declined], [agent('a'), agent('b', { idleSince: NOW })], NOW, policy)).toEqual([
      { requestId: 'r', agentId: 'b' },
    ]);
    expect(planOffers([declined], [agent('a')], NOW + 60_000, policy)).toEqual([
      { requestId: 'r', agentId: 'a' },
    ]);
  });

  it('does not let an unservable head block requests behind it', () => {
    const plans = planOffers(
      [request('fr', { language: 'fr', score: 99 }), request('en', { score: 1 })],
      [agent('a')],
      NOW,
      policy,
    );
    expect(plans).toEqual([{ requestId: 'en', agentId: 'a' }]);
  });

  it('never assigns one request twice nor beyond total capacity', () => {
    const requests = Array.from({ length: 50 }, (_, i) => request(`r${i}`, { score: i }));
    const agents = Array.from({ length: 7 }, (_, i) => agent(`a${i}`, { maxSessions: 1 + (i % 3) }));
    const plans = planOffers(requests, agents, NOW, policy);
    const capacity = agents.reduce((s, a) => s + a.maxSessions, 0);
    expect(plans).toHaveLength(capacity);
    expect(new Set(plans.map((p) => p.requestId)).size).toBe(plans.length);
    for (const a of agents)
      expect(plans.filter((p) => p.agentId === a.id).length).toBeLessThanOrEqual(a.maxSessions);
  });
});
