import type { IncidentRepository, IncidentWithCases } from '../db/IncidentRepository.js';
import type { IncidentTracker, Sighting } from './IncidentTracker.js';

/** What one report joined: the keyword that raises its urgency, and the incidents its case belongs to. */
export interface Joined {
  keyword?: string;
  incidentIds: string[];
}

/**
 * How long an instance goes by what it last read of a keyword's incident, open or none: about as
 * often as the row is written anyway (see IncidentRepository.join), and far less often than the
 * reports of a large incident come in. Lexicon keywords are few, so this stays small.
 */
const RECENT_MS = 1000;
const MAX_RECENT = 1000;

/**
 * Incidents: Redis spots a burst of distinct users reporting the same harm, and PostgreSQL keeps
 * each incident with the cases linked to it, so it outlives a Redis flush. While the database is
 * away, the burst still raises urgency; the record is skipped and the failure reported. A case
 * written after its report is linked by its creator, in the same statement that writes it.
 */
export class Incidents {
  private readonly recent = new Map<string, { id: string | undefined; readAt: number }>();

  constructor(
    private readonly tracker: IncidentTracker,
    private readonly repository: IncidentRepository,
    private readonly settings: { windowMs: number },
    private readonly onRecordFailure: (error: unknown) => void,
  ) {}

  /**
   * One user's report of these keywords, for the case `requestId`: one Redis round trip for all
   * the keywords, then at most one statement for all those this instance has not read within
   * RECENT_MS (a burst that opens a new incident takes a few more, once). A case written already
   * (`caseWritten`, a re-scored one) is linked here; a new one by its creator.
   */
  async report(
    keywords: readonly string[],
    report: { requestId: string; userId: string; at: number; caseWritten: boolean },
  ): Promise<Joined> {
    const sightings = await this.tracker.observe(keywords, report.userId, report.at);
    const ids = await this.record(sightings, report);
    const joined: Joined = { incidentIds: [] };
    for (const sighting of sightings) {
      const id = ids.get(sighting.keyword);
      if (id) joined.incidentIds.push(id);
      if (id || sighting.burst) joined.keyword ??= sighting.keyword;
    }
    return joined;
  }

  open(now: number): Promise<IncidentWithCases[]> {
    return this.repository.open(now, this.settings.windowMs);
  }

  /** What this instance read of each keyword's incident within RECENT_MS (wall clock); a burst read as none is read again. */
  private recentlyRead(sightings: readonly Sighting[]) {
    const known = new Map<string, string>();
    const unknown: Sighting[] = [];
    const now = Date.now();
    for (const sighting of sightings) {
      const read = this.recent.get(sighting.keyword);
      if (read && now - read.readAt < RECENT_MS && (read.id || !sighting.burst)) {
        if (read.id) known.set(sighting.keyword, read.id);
      } else unknown.push(sighting);
    }
    return { known, unknown };
  }

  private remember(keyword: string, id: string | undefined, readAt: number) {
    if (this.recent.size >= MAX_RECENT) this.recent.clear();
    this.recent.set(keyword, { id, readAt });
  }

  /** The incidents these sightings join, by keyword; a burst with none open opens one. */
  private async record(
    sightings: readonly Sighting[],
    report: { requestId: string; at: number; caseWritten: boolean },
  ) {
    const { known, unknown } = this.recentlyRead(sightings);
    if (report.caseWritten)
      for (const id of known.values())
        await this.repository
          .link(id, [report.requestId], report.at)
          .catch((error: unknown) => this.onRecordFailure(error));
    if (unknown.length === 0) return known;
    const readAt = Date.now();
    const ids = await this.repository
      .join(unknown, { caseId: report.requestId, at: report.at }, this.settings.windowMs)
      .catch((error: unknown) => {
        this.onRecordFailure(error);
        return undefined;
      });
    for (const sighting of unknown) {
      const id = ids?.get(sighting.keyword);
      if (ids) this.remember(sighting.keyword, id, readAt);
      if (id) known.set(sighting.keyword, id);
    }
    // One report, one new incident at most: "charged twice" bursts with "charged", "twice" and
    // "coin", and five incidents for one harm would split the floor's view and its status. The
    // most specific keyword opens it; the others of later reports join whichever is open.
    const burst = mostSpecific(unknown.filter((sighting) => sighting.burst));
    if (ids && known.size === 0 && burst) {
      const id = await this.openIncident(burst, report).catch((error: unknown) =>
        this.onRecordFailure(error),
      );
      if (id) {
        this.remember(burst.keyword, id, readAt);
        known.set(burst.keyword, id);
      }
    }
    return known;
  }

  private async openIncident(sighting: Sighting, report: { requestId: string; at: number }): Promise<string> {
    const { windowMs } = this.settings;
    const { id, inserted } = await this.repository.record(
      sighting.keyword,
      sighting.users,
      report.at,
      windowMs,
    );
    if (inserted) await this.linkEarlierReports(id, sighting.keyword, report.at);
    await this.repository.link(id, [report.requestId], report.at);
    return id;
  }

  /** An incident that just opened takes in the reports it opened on. */
  private async linkEarlierReports(incidentId: string, keyword: string, at: number) {
    await this.repository.linkReports(incidentId, await this.tracker.reporters(keyword, at), at);
  }
}

/** The longest keyword (a phrase over a word), the first of equals. */
function mostSpecific(sightings: readonly Sighting[]): Sighting | undefined {
  return sightings.reduce<Sighting | undefined>(
    (best, sighting) => (!best || sighting.keyword.length > best.keyword.length ? sighting : best),
    undefined,
  );
}
