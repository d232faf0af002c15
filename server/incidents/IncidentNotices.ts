import type { FastifyBaseLogger } from 'fastify';
import type { IncidentNotice } from '../../core/protocol/incidents.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { IncidentStatusRepository, StoredNotice } from '../../platform/db/IncidentStatusRepository.js';

/** Users one bus message names: a large incident's status goes out in a few messages, not one per user. */
const FAN_OUT_CHUNK = 500;
/**
 * How long an instance goes by what it last read of whether any incident has a status. New cases
 * look up their notice only when one has: during a surge without one, creates cost nothing more.
 * A status posted anywhere is heard on the bus and ends this at once (see the constructor).
 */
const ANY_STATUS_MS = 1000;

export interface IncidentNoticesDeps {
  repository: Pick<IncidentStatusRepository, 'notices' | 'anyStatus' | 'linked'>;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: FastifyBaseLogger;
}

export function toNotice(stored: StoredNotice): IncidentNotice {
  return {
    incidentId: stored.incidentId,
    title: stored.title,
    message: stored.message,
    postedAt: stored.postedAt.toISOString(),
    resolved: stored.resolved,
    ...(stored.stillNeedsHelp ? { stillNeedHelp: true as const } : {}),
  };
}

/**
 * What linked users are told of their incident: live, as one `incident.status` frame fanned out
 * over the bus to whichever instance holds each socket, and at their next visit, read from the
 * system of record with their case. Reading is best effort: without PostgreSQL a case view still
 * answers, only without its notice.
 */
export class IncidentNotices {
  private anyStatus: { value: boolean; readAt: number } | undefined;

  constructor(private readonly deps: IncidentNoticesDeps) {
    deps.bus.on((event) => {
      if (event.t === 'requests' && event.frame.type === 'incident.status') this.anyStatus = undefined;
    });
  }

  /** The notice for each of these cases that has one. */
  async forCases(caseIds: readonly string[]): Promise<Map<string, IncidentNotice>> {
    try {
      const stored = await this.deps.repository.notices(caseIds);
      return new Map([...stored].map(([id, notice]) => [id, toNotice(notice)]));
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not read incident notices from the database');
      return new Map();
    }
  }

  async forCase(caseId: string): Promise<IncidentNotice | undefined> {
    return (await this.forCases([caseId])).get(caseId);
  }

  /** For a create reply: the status of the incident the new case joined, looked up only if any has one. */
  async forNewCase(caseId: string): Promise<IncidentNotice | undefined> {
    if (!(await this.statusPosted())) return undefined;
    return this.forCase(caseId);
  }

  /** Tells these cases' users at once, wherever their sockets are. */
  async tell(caseIds: readonly string[], notice: Omit<IncidentNotice, 'stillNeedHelp'>): Promise<void> {
    this.anyStatus = undefined;
    // Sent even to no one: every instance hears that a status exists now.
    if (caseIds.length === 0) caseIds = [''];
    const frame = { type: 'incident.status' as const, ...notice };
    for (let i = 0; i < caseIds.length; i += FAN_OUT_CHUNK)
      await this.deps.bus.publish({ t: 'requests', requestIds: caseIds.slice(i, i + FAN_OUT_CHUNK), frame });
  }

  private async statusPosted(): Promise<boolean> {
    const now = Date.now();
    if (this.anyStatus && now - this.anyStatus.readAt < ANY_STATUS_MS) return this.anyStatus.value;
    try {
      const value = await this.deps.repository.anyStatus();
      this.anyStatus = { value, readAt: now };
      return value;
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not read whether any incident has a status');
      return false;
    }
  }
}
