/**
 * A first estimate of the wait from the observed service rate: with `servingAgents` agents each
 * finishing a session every `avgHandleSeconds`, the p-th in line waits for about p departures.
 * The load-test issue calibrates this against a simulation.
 */
export function estimatedWaitSeconds(
  position: number,
  service: { servingAgents: number; avgHandleSeconds: number },
): number {
  if (position <= 0) return 0;
  const agents = Math.max(1, service.servingAgents);
  return Math.ceil((position * service.avgHandleSeconds) / agents);
}

/** Mean of recent handle times, or the configured default before any session has been seen. */
export function averageHandleSeconds(recentSeconds: readonly number[], fallbackSeconds: number): number {
  const valid = recentSeconds.filter((s) => Number.isFinite(s) && s >= 0);
  if (valid.length === 0) return fallbackSeconds;
  return valid.reduce((sum, s) => sum + s, 0) / valid.length;
}
