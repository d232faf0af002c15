import { describe, expect, it } from 'vitest';
import { MessageIds } from './MessageIds.js';

describe('MessageIds', () => {
  it('makes UUIDv7s that sort in the order they were made, within one millisecond too', () => {
    const ids = new MessageIds();
    const made = [1000, 1000, 1000, 1001, 1001, 2_000_000_000_000].map((ms) => ids.next(ms));
    for (const id of made)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
