import type { Migration } from 'kysely/migration';
import { cases } from './0001_cases.js';

/** Every migration, in order. Names are their versions: never rename or edit one that shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_cases': cases,
};
