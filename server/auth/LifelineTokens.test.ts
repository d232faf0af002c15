import { describe, expect, it } from 'vitest';
import { LifelineTokens } from './LifelineTokens.js';

const secret = 'x'.repeat(40);

describe('LifelineTokens', () => {
  it('round-trips agent and request tokens with distinct principals', async () => {
    const tokens = new LifelineTokens(secret, { agentSeconds: 60, requestSeconds: 60 });
    expect(await tokens.verify(await tokens.signAgent('a1'))).toEqual({ kind: 'agent', agentId: 'a1' });
    expect(await tokens.verify(await tokens.signRequest('r1', 'u1'))).toEqual({
      kind: 'user',
      requestId: 'r1',
      userId: 'u1',
    });
  });

  it('rejects tokens signed with another secret and expired tokens with distinct codes', async () => {
    let now = 1_000_000_000_000;
    const tokens = new LifelineTokens(secret, { agentSeconds: 60, requestSeconds: 60 }, () => now);
    const other = new LifelineTokens('y'.repeat(40), { agentSeconds: 60, requestSeconds: 60 }, () => now);
    await expect(tokens.verify(await other.signAgent('a1'))).rejects.toMatchObject({
      code: 'LIFELINE_UNAUTHENTICATED',
    });
    const token = await tokens.signAgent('a1');
    now += 61_000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'LIFELINE_TOKEN_EXPIRED' });
    await expect(tokens.verify('not-a-jwt')).rejects.toMatchObject({ code: 'LIFELINE_UNAUTHENTICATED' });
  });
});
