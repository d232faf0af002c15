import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { Principal } from './principal.js';

const ISSUER = 'lifeline';
const AGENT_AUDIENCE = 'lifeline:agent';
const REQUEST_AUDIENCE = 'lifeline:request';

/**
 * Signs and verifies the tokens Lifeline hands out: an agent's login token and a help request's
 * access token. Audiences differ so one can never be used as the other. The key is shared by
 * every instance, so a token minted by one is honoured by all.
 */
export class LifelineTokens {
  /** Made once: a raw secret would be turned into a key on every signature. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttl: { agentSeconds: number; requestSeconds: number },
    private readonly now: () => number = Date.now,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  private sign(subject: string, audience: string, ttlSeconds: number, claims: Record<string, string> = {}) {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(this.key);
  }

  /** How long a request's access token lives; the user's one-open-request lock lives as long. */
  get requestTtlMs(): number {
    return this.ttl.requestSeconds * 1000;
  }

  signAgent(agentId: string): Promise<string> {
    return this.sign(agentId, AGENT_AUDIENCE, this.ttl.agentSeconds);
  }

  signRequest(requestId: string, userId: string): Promise<string> {
    return this.sign(requestId, REQUEST_AUDIENCE, this.ttl.requestSeconds, { uid: userId });
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: [AGENT_AUDIENCE, REQUEST_AUDIENCE],
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
      });
      const audience = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
      if (!payload.sub) throw new LifelineError('LIFELINE_UNAUTHENTICATED');
      if (audience === AGENT_AUDIENCE) return { kind: 'agent', agentId: payload.sub };
      if (typeof payload.uid !== 'string') throw new LifelineError('LIFELINE_UNAUTHENTICATED');
      return { kind: 'user', requestId: payload.sub, userId: payload.uid };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new LifelineError('LIFELINE_TOKEN_EXPIRED');
      if (error instanceof LifelineError) throw error;
      throw new LifelineError('LIFELINE_UNAUTHENTICATED');
    }
  }
}
