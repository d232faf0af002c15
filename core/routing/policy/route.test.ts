import { describe, expect, it } from 'vitest';
import { policyDraft, validPolicy, vipSecurityQueue } from './fixtures.js';
import { routeFor, type RouteSubject } from './route.js';

const policy = validPolicy(
  policyDraft([
    vipSecurityQueue(),
    {
      name: 'chinese-live',
      match: [
        { languages: ['zh'], channels: ['call'] },
        { languages: ['zh'], categories: ['payment'] },
      ],
    },
    { name: 'standard' },
  ]),
);

const subject = (over: Partial<RouteSubject> = {}): RouteSubject => ({
  tier: 'regular',
  category: 'technical',
  language: 'en',
  channel: 'text',
  ...over,
});

describe('routeFor', () => {
  it('sends creators’ and brands’ account-security cases to the dedicated queue', () => {
    for (const tier of ['creator', 'brand'] as const) {
      const route = routeFor(subject({ tier, category: 'account_security' }), policy);
      expect(route.queue.name).toBe('vip-security');
      expect(route.condition).toBe(0);
    }
  });

  it('needs every field of a condition to hold', () => {
    expect(routeFor(subject({ tier: 'regular', category: 'account_security' }), policy).queue.name).toBe(
      'standard',
    );
    expect(routeFor(subject({ tier: 'creator', category: 'payment' }), policy).queue.name).toBe('standard');
  });

  it('matches languages by primary subtag, and any condition of a queue', () => {
    expect(routeFor(subject({ language: 'zh-Hans-CN', channel: 'call' }), policy)).toMatchObject({
      queue: { name: 'chinese-live' },
      condition: 0,
    });
    expect(routeFor(subject({ language: 'ZH_tw', category: 'payment' }), policy).condition).toBe(1);
  });

  it('takes the first queue in the document that matches', () => {
    const route = routeFor(
      subject({ tier: 'creator', category: 'account_security', language: 'zh', channel: 'call' }),
      policy,
    );
    expect(route.queue.name).toBe('vip-security');
  });

  it('sends what nothing matches to the default queue', () => {
    expect(routeFor(subject({ language: 'fr' }), policy)).toMatchObject({
      queue: { name: 'standard' },
      condition: null,
    });
  });
});
