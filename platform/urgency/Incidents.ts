import type { IncidentRepository, IncidentWithCases } from '../db/IncidentRepository.js';
import type { IncidentTracker } from './IncidentTracker.js';

/** What one report joined: the keyword that raises its urgency, and the incidents to link its case to. */
export interface Joined {
  keyword?: string;
  incidentIds: string[];
}

/**
 * Incidents: Redis spots a burst of distinct users reporting the same harm, and PostgreSQL keeps
 * each incident with the cases linked to it, so it outlives a Redis flush. While the database is
 * away, the burst still raises urgency; the record is skipped and the failure reported.
 */
export class Incidents {
  constructor(
    private readonly tracker: IncidentTracker,
    private readonly repository: IncidentRepository,
    private readonly settings: { windowMs: number },
    private readonly onRecordFailure: (error: unknown) => void,
  ) {}

  /** One user's report of these keywords, for the case `requestId` (written already or not yet). */
  async report(
    keywords: readonly string[],
    report: { requestId: string; userId: string; at: number },
  ): Promise<Joined> {
    const joined: Joined = { incidentIds: [] };
    for (const sighting of await this.tracker.observe(keywords, report.userId, report.at)) {
      const id = await this.record(sighting, report).catch((error: unknown) => {
        this.onRecordFailure(error);
        return undefined;
      });
      if (id) joined.incidentIds.push(id);
      if (id || sighting.burst) joined.keyword ??= sighting.keyword;
    }
    return joined;
  }

  /** Links a case written after its report was scored. */
  async linkCase(caseId: string, incidentIds: readonly string[], at: number): Promise<void> {
    for (const id of incidentIds)
      await this.repository.link(id, [caseId], at).catch((error: unknown) => this.onRecordFailure(error));
  }

  open(now: number): Promise<IncidentWithCases[]> {
    return this.repository.open(now, this.settings.windowMs);
  }

  private async record(
    sighting: { keyword: string; users: number; burst: boolean },
    report: { requestId: string; at: number },
  ): Promise<string | undefined> {
    const { windowMs } = this.settings;
    if (!sighting.burst) {
      // Below the hot threshold, yet the incident may be open: Redis may have lost its counts.
      const id = await this.repository.extendOpen(sighting.keyword, report.at, windowMs);
      if (id) await this.repository.link(id, [report.requestId], report.at);
      return id;
    }
    const { id, inserted } = await this.repository.record(
      sighting.keyword,
      sighting.users,
      report.at,
      windowMs,
    );
    if (inserted)
      await this.repository.linkReports(
        id,
        await this.tracker.reporters(sighting.keyword, report.at),
        report.at,
      );
    await this.repository.link(id, [report.requestId], report.at);
    return id;
  }
}
