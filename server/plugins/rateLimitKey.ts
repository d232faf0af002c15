import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';

/**
 * Whom a rate limit counts: the bearer token's subject when there is one, else the client IP.
 * Viewers behind one carrier NAT share an IP, so per-IP limits would throttle strangers together.
 * The subject is read without verifying: a forged one only earns its own bucket and still fails
 * authentication.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    try {
      const { sub } = decodeJwt(header.slice(7));
      if (typeof sub === 'string' && sub.length > 0 && sub.length <= 128) return `sub:${sub}`;
    } catch {
      // not a JWT: fall back to the address
    }
  }
  return `ip:${request.ip}`;
}
