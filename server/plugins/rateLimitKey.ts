import type { FastifyRequest } from 'fastify';

/**
 * Whom a rate limit counts: the caller the route's own onRequest hook verified (it runs before
 * the limiter's), else the client address. Viewers behind one carrier NAT share an address, so a
 * verified user is counted alone. Nothing unverified counts: a forged subject would earn a fresh
 * bucket on every try, and guests are fresh on every try too.
 */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.identity && !request.identity.guest) return `user:${request.identity.sub}`;
  if (request.principal?.kind === 'agent') return `agent:${request.principal.agentId}`;
  if (request.principal?.kind === 'user') return `user:${request.principal.userId}`;
  return `ip:${request.ip}`;
}
