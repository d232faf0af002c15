import type { Figure } from './report.js';

/** How a goal reads in the report and whether a measured value meets it. */
export interface Goal {
  label: string;
  met: (value: number) => boolean;
}

/** `suffix` follows the limit in the report: ' ms', '×', '%'. */
export const atMost = (limit: number, suffix = ''): Goal => ({
  label: `≤ ${limit}${suffix}`,
  met: (value) => value <= limit,
});
export const below = (limit: number, suffix = ''): Goal => ({
  label: `< ${limit}${suffix}`,
  met: (value) => value < limit,
});
export const atLeast = (limit: number, suffix = ''): Goal => ({
  label: `≥ ${limit}${suffix}`,
  met: (value) => value >= limit,
});
export const above = (limit: number, suffix = ''): Goal => ({
  label: `> ${limit}${suffix}`,
  met: (value) => value > limit,
});
/** Measured and shown, never judged. */
export const REPORT_ONLY: Goal = { label: 'report', met: () => true };

/** One row of the report, judged against its goal; the key order is the JSON's. */
export function figure(measured: {
  name: string;
  value: number;
  unit: string;
  goal: Goal;
  baseline: string;
}): Figure {
  const { name, value, unit, goal, baseline } = measured;
  return { name, value, unit, goal: goal.label, met: goal.met(value), baseline };
}
