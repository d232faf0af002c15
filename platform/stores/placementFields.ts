import type { Placement } from '../../core/routing/policy/placement.js';

/** A placement as request hash fields (see PLACEMENT_FIELDS in the Lua prelude). */
export function encodePlacement(placement: Placement): string[] {
  const fields: Record<string, string | undefined> = {
    routes: JSON.stringify(placement.routes),
    skillGroups: placement.skillGroups && JSON.stringify(placement.skillGroups),
    policyQueue: placement.queue,
    routingReasons: placement.reasons.length > 0 ? JSON.stringify(placement.reasons) : undefined,
    priorityBoost: placement.priorityBoost > 0 ? String(placement.priorityBoost) : undefined,
    alertStep: placement.alertStep === null ? undefined : String(placement.alertStep),
    stepDueAt: placement.stepDueAt === undefined ? undefined : String(placement.stepDueAt),
  };
  return Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : [key, value]));
}
