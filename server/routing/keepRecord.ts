import type { RoutingDeps } from './deps.js';

/**
 * Writes a state change to the system of record after Redis has made it. A failure here (the
 * database briefly away) must not undo or fail the live change; it is logged with its case, and
 * the rebuild path treats PostgreSQL's open cases as the truth on the next Redis loss.
 */
export async function keepRecord(
  deps: Pick<RoutingDeps, 'log'>,
  what: string,
  work: Promise<unknown>,
): Promise<void> {
  try {
    await work;
  } catch (error) {
    deps.log.warn({ err: error, what }, 'could not record a state change in the database');
  }
}
