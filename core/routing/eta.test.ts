import { describe, expect, it } from 'vitest';
import { averageHandleSeconds, estimatedWaitSeconds } from './eta.js';

describe('estimatedWaitSeconds', () => {
  it('is zero for nobody ahead and grows with position, shrinks with agents', () => {
    expect(estimatedWaitSeconds(0, { servingAgents: 2, avgHandleSeconds: 120 })).toBe(0);
    expect(estimatedWaitSeconds(1, { servingAgents: 2, avgHandleSeconds: 120 })).toBe(60);
    expect(estimatedWaitSeconds(4, { servingAgents: 2, avgHandleSeconds: 120 })).toBe(240);
    expect(estimatedWaitSeconds(4, { servingAgents: 4, avgHandleSeconds: 120 })).toBe(120);
  });

  it('treats no agents online as one, so the estimate stays finite', () => {
    expect(estimatedWaitSeconds(3, { servingAgents: 0, avgHandleSeconds: 100 })).toBe(300);
  });

  it('averages observed handle times and falls back before any', () => {
    expect(averageHandleSeconds([], 300)).toBe(300);
    expect(averageHandleSeconds([60, 120, Number.NaN], 300)).toBe(90);
  });
});
