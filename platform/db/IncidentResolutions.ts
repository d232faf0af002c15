import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A resolution put in force whose linked cases may not all be closed yet. */
export interface PendingResolution {
  id: string;
  title: string;
  resolution: string;
  resolvedAt: number;
}

/**
 * Resolutions from start to finish: resolving an incident marks it at once, closing its linked
 * cases takes a while, and only then is it done. One left undone (its instance died) is found here.
 */
export class IncidentResolutions {
  constructor(private readonly db: Kysely<Database>) {}

  /** Resolved before `before` and never finished, oldest first. */
  async unfinished(before: number, limit: number): Promise<PendingResolution[]> {
    const rows = await this.db
      .selectFrom('incidents')
      .select(['id', sql<string>`coalesce(title, keyword, '')`.as('title'), 'resolution', 'resolved_at'])
      .where('resolved_at', '<', new Date(before))
      .where('resolution_done_at', 'is', null)
      .orderBy('resolved_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      resolution: row.resolution ?? '',
      resolvedAt: new Date(row.resolved_at ?? 0).getTime(),
    }));
  }

  async done(id: string, at: number): Promise<void> {
    await this.db
      .updateTable('incidents')
      .set({ resolution_done_at: new Date(at) })
      .where('id', '=', id)
      .execute();
  }
}
