import { createSecretKey, type KeyObject } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { errors, jwtVerify } from 'jose';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { Tier } from '../../core/protocol/domain.js';

export const IdentityClaims = Type.Object({
  sub: Type.String({ minLength: 1, maxLength: 128 }),
  name: Type.Optional(Type.String({ maxLength: 128 })),
  tier: Tier,
  lang: Type.Optional(Type.String({ maxLength: 35 })),
  exp: Type.Number(),
});
export type Identity = Pick<Static<typeof IdentityClaims>, 'sub' | 'name' | 'tier' | 'lang'> & {
  guest: boolean;
};

/**
 * Verifies the host platform's HS256 identity token. Tier and user id come only from here, never
 * from a request body: they raise priority, so they must be signed by the platform.
 */
export class PlatformIdentity {
  /** Made once: a raw secret would be turned into a key on every signature. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async verify(token: string): Promise<Identity> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new LifelineError('LIFELINE_TOKEN_EXPIRED');
      throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'The identity token does not verify');
    }
    if (!Value.Check(IdentityClaims, payload))
      throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'The identity token lacks a valid sub or tier');
    const { sub, name, tier, lang } = payload;
    return { sub, name, tier, lang, guest: false };
  }
}
