import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './rateLimitKey.js';

const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJmcmVzaC0xIn0.';
const request = (fields: Partial<FastifyRequest>) =>
  ({ ip: '203.0.113.9', headers: { authorization: `Bearer ${forged}` }, ...fields }) as FastifyRequest;

describe('rateLimitKey', () => {
  it('counts by address when nothing was verified, whatever the bearer token claims', () => {
    expect(rateLimitKey(request({}))).toBe('ip:203.0.113.9');
  });

  it('counts a verified platform user alone, but guests by their address', () => {
    const user = { sub: 'u-1', tier: 'regular', guest: false } as FastifyRequest['identity'];
    const guest = { sub: 'guest-1', tier: 'regular', guest: true } as FastifyRequest['identity'];
    expect(rateLimitKey(request({ identity: user }))).toBe('user:u-1');
    expect(rateLimitKey(request({ identity: guest }))).toBe('ip:203.0.113.9');
  });

  it('counts a verified agent or request holder by who they are', () => {
    expect(rateLimitKey(request({ principal: { kind: 'agent', agentId: 'a-1' } }))).toBe('agent:a-1');
    const holder = { kind: 'user', requestId: 'r-1', userId: 'u-2' } as const;
    expect(rateLimitKey(request({ principal: holder }))).toBe('user:u-2');
  });
});
