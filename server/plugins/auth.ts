import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Identity } from '../auth/PlatformIdentity.js';
import type { Principal } from '../auth/principal.js';
import { LifelineError } from '../../core/errors/LifelineError.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    identity?: Identity;
    /** Who is operating (requireOperator): 'admin' for the admin token, else the supervisor's agent id. */
    operator?: string;
  }
  interface FastifyInstance {
    /** Verifies a Lifeline token and that the agent it names still exists (REST and the WebSocket). */
    verifyPrincipal: (token: string) => Promise<Principal>;
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requirePrincipal: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requireIdentity: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** For preHandler, after requirePrincipal: the caller is an agent (of any role). */
    requireAgent: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** For preHandler, after requirePrincipal: the caller is an agent whose account is a supervisor's. */
    requireSupervisor: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The admin token or a supervisor's Lifeline token; sets `request.operator` for the audit. */
    requireOperator: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The calling agent's id; throws LIFELINE_FORBIDDEN for anyone else. */
export function agentIdOf(request: FastifyRequest): string {
  if (request.principal?.kind !== 'agent') throw new LifelineError('LIFELINE_FORBIDDEN', 'Agents only');
  return request.principal.agentId;
}

/** preHandlers that establish who is calling before any route handler runs. */
export default fp(
  async (app, { allowGuests }: { allowGuests: boolean }) => {
    const { tokens, identities, secrets, agents } = app.lifeline;

    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (!token || !sameSecret(token, secrets.admin)) throw new LifelineError('LIFELINE_UNAUTHENTICATED');
    });

    // A signature outlives the account it was issued to, so the account is checked on every use.
    app.decorate('verifyPrincipal', async (token: string) => {
      const principal = await tokens.verify(token);
      if (principal.kind === 'agent' && !(await agents.exists(principal.agentId)))
        throw new LifelineError('LIFELINE_UNAUTHENTICATED');
      return principal;
    });

    app.decorate('requirePrincipal', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (!token) throw new LifelineError('LIFELINE_UNAUTHENTICATED');
      request.principal = await app.verifyPrincipal(token);
    });

    app.decorate('requireIdentity', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (token) request.identity = await identities.verify(token);
      else if (allowGuests) request.identity = { sub: `guest-${randomUUID()}`, tier: 'regular', guest: true };
      else throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'A platform identity token is required');
    });

    app.decorate('requireOperator', async (request: FastifyRequest) => {
      const token = bearer(request);
      if (!token) throw new LifelineError('LIFELINE_UNAUTHENTICATED');
      if (sameSecret(token, secrets.admin)) {
        request.operator = 'admin';
        return;
      }
      request.principal = await app.verifyPrincipal(token);
      const agentId = agentIdOf(request);
      if ((await agents.findById(agentId))?.role !== 'supervisor')
        throw new LifelineError('LIFELINE_FORBIDDEN', 'The admin token or a supervisor only');
      request.operator = agentId;
    });

    app.decorate('requireAgent', async (request: FastifyRequest) => void agentIdOf(request));
    app.decorate('requireSupervisor', async (request: FastifyRequest) => {
      if ((await agents.findById(agentIdOf(request)))?.role !== 'supervisor')
        throw new LifelineError('LIFELINE_FORBIDDEN', 'Supervisors only');
    });
  },
  { name: 'lifeline-auth', dependencies: ['lifeline-services'] },
);
