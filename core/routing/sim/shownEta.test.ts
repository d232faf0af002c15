import { describe, expect, it } from 'vitest';
import { positionOnRoute, servingAgents, type RoutedRequest } from './shownEta.js';

const request = (id: string, routes: string[], score = 40, createdAt = 0): RoutedRequest => ({
  id,
  score,
  priorityBoost: 0,
  createdAt,
  routes,
});

describe('the place and agents the server counts', () => {
  it('places a request among those on its first route key only, most urgent first', () => {
    const waiting = [
      request('general', ['en:general'], 40, 0),
      request('payment-old', ['en:payment'], 40, 1),
      request('urgent', ['en:payment'], 90, 5),
      request('widened', ['en:payment', 'en:technical'], 40, 2),
      request('mine', ['en:payment'], 40, 3),
      request('later', ['en:payment'], 40, 4),
    ];
    expect(positionOnRoute(waiting[4]!, waiting, 0)).toBe(4);
  });

  it('counts agents serving any route key, busy or not, by language and first skill group', () => {
    const agents = [
      { languages: ['en'], skills: ['payment'] },
      { languages: ['en', 'fr'], skills: [] },
      { languages: ['fr-CA'], skills: ['payment'] },
    ];
    expect(servingAgents(agents, { languages: ['en'], skillGroups: [] })).toBe(2);
    expect(servingAgents(agents, { languages: ['fr'], skillGroups: [['payment']] })).toBe(1);
    expect(servingAgents(agents, { languages: ['en', 'fr'], skillGroups: [['payment'], ['x']] })).toBe(2);
  });
});
