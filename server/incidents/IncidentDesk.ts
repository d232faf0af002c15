import type { FastifyBaseLogger } from 'fastify';
import { LifelineError } from '../../core/errors/LifelineError.js';
import type { OpenIncidentBody, ResolveIncidentReply } from '../../core/protocol/incidents.js';
import type { IncidentResolutions, PendingResolution } from '../../platform/db/IncidentResolutions.js';
import type { IncidentChange, IncidentStatusRepository } from '../../platform/db/IncidentStatusRepository.js';
import { normaliseKeywords } from '../../platform/urgency/IncidentTracker.js';
import type { HelpRequestService } from '../help-requests/HelpRequestService.js';
import type { LifelineMetrics } from '../observability/LifelineMetrics.js';
import type { IncidentAnswers } from './IncidentAnswers.js';
import type { IncidentNotices } from './IncidentNotices.js';

/** Linked cases closed at once when an incident resolves: each is one short Lua call and one write. */
const CLOSE_CONCURRENCY = 32;
/** Interrupted resolutions finished per look. */
const RESUME_BATCH = 10;

export interface IncidentDeskDeps {
  repository: IncidentStatusRepository;
  notices: Pick<IncidentNotices, 'tell' | 'forCases'>;
  requests: Pick<HelpRequestService, 'closeResolved'>;
  answers: Pick<IncidentAnswers, 'restore'>;
  metrics: Pick<LifelineMetrics, 'answeredByStatus'>;
  resolutions: Pick<IncidentResolutions, 'unfinished' | 'done'>;
  /** True for the one instance that takes this period's turn at finishing interrupted resolutions. */
  claim: (periodMs: number) => Promise<boolean>;
  /**
   * A resolution not done this long after it was made lost its instance; also how often one
   * instance looks for such. Far longer than closing takes (200 cases in about 150 ms).
   */
  resumeAfterMs: number;
  now: () => number;
  log: FastifyBaseLogger;
}

/** An incident that cannot take this change, as the coded error its route answers. */
function refuse(change: IncidentChange): void {
  if (change === 'missing') throw new LifelineError('LIFELINE_INCIDENT_NOT_FOUND');
  if (change === 'resolved') throw new LifelineError('LIFELINE_INCIDENT_RESOLVED');
}

/**
 * What supervisors do with incidents (Zendesk's problem tickets): open one by hand, link waiting
 * cases to it, post one status every linked user sees at once, and resolve it, which answers and
 * closes every linked waiting case whose user did not say they still need help.
 */
export class IncidentDesk {
  constructor(private readonly deps: IncidentDeskDeps) {}

  async open(supervisorId: string, body: OpenIncidentBody): Promise<{ id: string; opened: boolean }> {
    const keyword = body.keyword === undefined ? undefined : normaliseKeywords([body.keyword])[0];
    return this.deps.repository.open({
      title: body.title.trim(),
      category: body.category,
      keyword,
      openedBy: supervisorId,
      at: this.deps.now(),
    });
  }

  /** Links open cases by hand; those linked now hear its status at once, if it has one. */
  async link(incidentId: string, caseIds: readonly string[]): Promise<number> {
    const { repository, notices, now } = this.deps;
    refuse(await repository.standing(incidentId));
    const linked = await repository.linkOpen(incidentId, caseIds, now());
    const told = await notices.forCases(linked);
    const notice = [...told.values()].find((n) => n.incidentId === incidentId);
    if (notice) {
      const { stillNeedHelp: _, ...shared } = notice;
      await notices.tell(linked, shared);
    }
    return linked.length;
  }

  async postStatus(incidentId: string, message: string): Promise<void> {
    const { repository, notices, now } = this.deps;
    const at = now();
    const text = message.trim();
    const { change, title } = await repository.postStatus(incidentId, text, at);
    refuse(change);
    const linked = await repository.linked(incidentId);
    await notices.tell(
      linked.map((l) => l.caseId),
      { incidentId, title, message: text, postedAt: new Date(at).toISOString(), resolved: false },
    );
  }

  /**
   * Resolves it: every linked user hears the resolution, then each linked waiting case closes as
   * `resolved_by_incident` through the same atomic close as a cancel, unless its user still needs
   * help; a case with an agent is left to the agent. Resolving twice is refused, so the cases
   * are closed by one call only.
   */
  async resolve(incidentId: string, resolution: string): Promise<ResolveIncidentReply> {
    const at = this.deps.now();
    const text = resolution.trim();
    const { change, title } = await this.deps.repository.resolve(incidentId, text, at);
    refuse(change);
    return this.finish({ id: incidentId, title, resolution: text, resolvedAt: at });
  }

  /**
   * For the sweep, on one instance per period: finishes resolutions whose instance died before it
   * closed every linked case. Their users may hear the resolution twice; none is left waiting.
   */
  async maybeFinishInterrupted(): Promise<void> {
    const { resolutions, claim, now, resumeAfterMs } = this.deps;
    if (!(await claim(resumeAfterMs))) return;
    for (const pending of await resolutions.unfinished(now() - resumeAfterMs, RESUME_BATCH))
      await this.finish(pending);
  }

  private async finish(pending: PendingResolution): Promise<ResolveIncidentReply> {
    const { repository, notices, requests, metrics, now } = this.deps;
    const { id: incidentId, title, resolution: text, resolvedAt: at } = pending;
    const linked = await repository.linked(incidentId);
    await notices.tell(
      linked.map((l) => l.caseId),
      { incidentId, title, message: text, postedAt: new Date(at).toISOString(), resolved: true },
    );
    const toClose = linked.filter((l) => !l.stillNeedsHelp).map((l) => l.caseId);
    const closed: string[] = [];
    let withAgent = 0;
    for (let i = 0; i < toClose.length; i += CLOSE_CONCURRENCY) {
      const batch = toClose.slice(i, i + CLOSE_CONCURRENCY);
      const outcomes = await Promise.all(batch.map((id) => requests.closeResolved(id)));
      outcomes.forEach((outcome, j) => {
        if (outcome === 'closed') closed.push(batch[j]!);
        if (outcome === 'with_agent') withAgent += 1;
      });
    }
    const answered = await this.withoutLateAnswers(incidentId, closed);
    await repository.answered(incidentId, answered, now()).catch((error: unknown) => {
      // The cases are closed either way; only the floor's count of them misses these.
      this.deps.log.warn({ err: error, incidentId }, 'could not count the cases an incident answered');
    });
    if (answered.length > 0) metrics.answeredByStatus.inc({ how: 'resolved' }, answered.length);
    await this.deps.resolutions.done(incidentId, now());
    return {
      closed: answered.length,
      keptWaiting: linked.length - toClose.length + closed.length - answered.length,
      withAgent,
    };
  }

  /**
   * A user who said "I still need help" while the cases were closing: theirs goes back in the
   * line. The close script cannot see the answer (it is in PostgreSQL), so the answers are read
   * again once every close is done; one given later finds its case closed and puts it back itself.
   */
  private async withoutLateAnswers(incidentId: string, closed: readonly string[]): Promise<string[]> {
    const late = new Set(
      (await this.deps.repository.linked(incidentId)).filter((l) => l.stillNeedsHelp).map((l) => l.caseId),
    );
    for (const caseId of closed)
      if (late.has(caseId))
        await this.deps.answers.restore(caseId).catch((error: unknown) => {
          // Their answer is kept: saying it again puts the case back.
          this.deps.log.warn({ err: error, requestId: caseId }, 'could not put a case back after its answer');
        });
    return closed.filter((caseId) => !late.has(caseId));
  }
}
