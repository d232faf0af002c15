import type { MetricSet } from '../protocol/analytics.js';

/**
 * The supervisor's figures from sums PostgreSQL adds up. Sums add across groups; means and shares
 * do not, so the database returns sums per group and these are rolled up here before dividing.
 *
 * A contact is a case's first entry into the line for a person (its first `queued` event): a
 * text the assistant answered alone never was one, and a case reopened for a follow-up is not a
 * second one. Contacts count in the window (and bucket) they arrived in.
 * - offered: contacts that arrived.
 * - answered: those an agent accepted before the case first closed; the wait is queue entry to accept.
 * - abandoned: those whose user went away (past the grace period) before an answer; cancelled:
 *   those whose user cancelled. Closed by an incident's resolution counts as neither.
 * - service level: answered within the target over answered + abandoned (a user who gave up was
 *   not served in time; one who cancelled chose to go).
 * - ASA: mean wait of the answered. Abandonment rate: abandoned over answered + abandoned.
 * - AHT: mean length (accept to end) of the calls and conversations that ended in the window.
 * - CSAT: mean stars and count of the ratings of those same ended sessions.
 */
export interface ContactSums {
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  cancelled: number;
  waitSeconds: number;
}

export interface SessionSums {
  handled: number;
  handleSeconds: number;
  ratings: number;
  ratingStars: number;
}

export type Sums = ContactSums & SessionSums;

export const NO_SUMS: Sums = {
  offered: 0,
  answered: 0,
  answeredWithinTarget: 0,
  abandoned: 0,
  cancelled: 0,
  waitSeconds: 0,
  handled: 0,
  handleSeconds: 0,
  ratings: 0,
  ratingStars: 0,
};

const SUM_FIELDS = Object.keys(NO_SUMS) as (keyof Sums)[];

export function addSums(a: Sums, b: Partial<Sums>): Sums {
  const total = { ...a };
  for (const field of SUM_FIELDS) total[field] += b[field] ?? 0;
  return total;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function metricsOf(sums: Sums): MetricSet {
  const served = sums.answered + sums.abandoned;
  return {
    offered: sums.offered,
    answered: sums.answered,
    answeredWithinTarget: sums.answeredWithinTarget,
    abandoned: sums.abandoned,
    cancelled: sums.cancelled,
    serviceLevel: share(sums.answeredWithinTarget, served),
    asaSeconds: share(sums.waitSeconds, sums.answered),
    abandonmentRate: share(sums.abandoned, served),
    handled: sums.handled,
    ahtSeconds: share(sums.handleSeconds, sums.handled),
    csat: { mean: share(sums.ratingStars, sums.ratings), count: sums.ratings },
  };
}

/** Groups rolled up by a key (a queue, a category...); keys most offered first, then by name. */
export function rollUp<G extends Partial<Sums>>(
  groups: readonly G[],
  keyOf: (group: G) => string,
): { key: string; sums: Sums }[] {
  const byKey = new Map<string, Sums>();
  for (const group of groups) {
    const key = keyOf(group);
    byKey.set(key, addSums(byKey.get(key) ?? NO_SUMS, group));
  }
  return [...byKey]
    .map(([key, sums]) => ({ key, sums }))
    .sort(
      (a, b) =>
        b.sums.offered - a.sums.offered || b.sums.handled - a.sums.handled || a.key.localeCompare(b.key),
    );
}

export function totalOf(groups: readonly Partial<Sums>[]): Sums {
  return groups.reduce<Sums>((total, group) => addSums(total, group), NO_SUMS);
}
