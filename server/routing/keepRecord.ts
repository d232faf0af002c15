import type { RoutingDeps } from './deps.js';

/**
 * Best effort for the rebuild's bulk write (cases that were with an agent wait again): a failure
 * is logged and the next rebuild or the cases' next changes correct it. Single changes go through
 * RecordKeeper instead, which replays what failed from the outbox.
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
