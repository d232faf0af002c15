import type { Incident } from '../../core/protocol/floor.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import type { IncidentWithCases } from '../../platform/db/IncidentRepository.js';
import type { IncidentTally } from '../../platform/db/IncidentStatusRepository.js';

/** An open incident as the floor shows it: its reports, its management and its chart. */
export function toIncidentView(row: IncidentWithCases, tally: IncidentTally | undefined): Incident {
  return {
    id: row.id,
    ...(row.keyword === null ? {} : { keyword: row.keyword }),
    users: row.users,
    since: new Date(row.opened_at).toISOString(),
    lastAt: new Date(row.last_at).toISOString(),
    cases: row.cases,
    title: row.title ?? row.keyword ?? '',
    ...(row.category ? { category: row.category as CategoryName } : {}),
    ...(row.opened_by ? { openedBy: row.opened_by } : {}),
    ...(row.status_message && row.status_at
      ? { status: { message: row.status_message, postedAt: new Date(row.status_at).toISOString() } }
      : {}),
    answered: tally?.answered ?? 0,
    stillNeedHelp: tally?.stillNeedHelp ?? 0,
    reportsPerMinute: tally?.perMinute ?? [],
  };
}
