import { sql, type Kysely } from 'kysely';
import type { NewRequest } from '../stores/records.js';
import { prepared } from './prepared.js';
import type { Database } from './schema.js';

/** A new case as `CaseRepository.open` writes it. */
export interface NewCase {
  request: NewRequest;
  rank: number;
  /** The incidents its report joined, linked as it is written. */
  incidentIds: readonly string[];
  /** Waiting for a person (queued), or held by the assistant, which answers it first. */
  state: 'queued' | 'assistant';
}

interface Waiting {
  newCase: NewCase;
  written: () => void;
  failed: (error: unknown) => void;
}

/** At most this many cases per statement; more wait for the next. */
const MAX_BATCH = 100;

/**
 * Writes new cases a batch at a time: every case opened while the event loop is on one turn (a
 * busy instance takes in many at once) goes into one statement, each with its first event, its
 * incident links and its user's profile. Each caller still waits until its own case is committed.
 * One statement and one commit for many cases costs PostgreSQL, and the process talking to it,
 * a fraction of one per case. If a batch fails, its cases are written one by one, so a case that
 * cannot be written fails alone.
 */
export class NewCases {
  private waiting: Waiting[] = [];
  private due = false;

  constructor(private readonly db: Kysely<Database>) {}

  write(newCase: NewCase): Promise<void> {
    return new Promise((written, failed) => {
      this.waiting.push({ newCase, written, failed });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.due) {
        this.due = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.due = false;
    while (this.waiting.length > 0) void this.writeBatch(this.waiting.splice(0, MAX_BATCH));
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      await this.insert(batch.map((w) => w.newCase));
      for (const w of batch) w.written();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.failed(error);
      await Promise.all(batch.map((w) => this.insert([w.newCase]).then(w.written, w.failed)));
    }
  }

  /** One statement for the batch; its text is the same for any size, so it is prepared once. */
  private async insert(cases: readonly NewCase[]): Promise<void> {
    const column = <T>(pick: (c: NewCase, at: Date) => T) =>
      cases.map((c) => pick(c, new Date(c.request.createdAt)));
    const links = cases.flatMap(({ request, incidentIds }) =>
      incidentIds.map((incidentId) => ({ incidentId, caseId: request.id, at: new Date(request.createdAt) })),
    );
    // One profile per user: the latest of their cases in this batch says how they were seen.
    const profiles = [...new Map(cases.map((c) => [c.request.userId, c])).values()];
    const profile = <T>(pick: (r: NewRequest) => T) => profiles.map((c) => pick(c.request));
    await sql`${prepared('cases-open')}
      with new_cases as (
        insert into cases (id, user_id, channel, media, language, category, level, score, rank, reasons,
                           sentiment, tier, text, stream, state, created_at, updated_at)
        select id, user_id, channel, media, language, category, level, score, rank, reasons::jsonb,
               sentiment, tier, text, stream::jsonb, state, created_at, created_at
        from unnest(${column((c) => c.request.id)}::text[], ${column((c) => c.request.userId)}::text[],
                    ${column((c) => c.request.channel)}::text[], ${column((c) => c.request.media ?? null)}::text[],
                    ${column((c) => c.request.language)}::text[], ${column((c) => c.request.category)}::text[],
                    ${column((c) => c.request.level)}::text[], ${column((c) => c.request.score)}::float8[],
                    ${column((c) => c.rank)}::float8[], ${column((c) => JSON.stringify(c.request.reasons))}::text[],
                    ${column((c) => c.request.sentiment ?? null)}::text[], ${column((c) => c.request.tier)}::text[],
                    ${column((c) => c.request.text ?? null)}::text[],
                    ${column((c) => JSON.stringify(c.request.stream ?? null))}::text[],
                    ${column((_c, at) => at)}::timestamptz[], ${column((c) => c.state)}::text[])
          as c(id, user_id, channel, media, language, category, level, score, rank, reasons, sentiment, tier,
               text, stream, created_at, state)
        returning id, state, created_at),
      first_events as (
        insert into case_events (case_id, state, reason, at)
        select id, state, 'created', created_at from new_cases),
      incident_links as (
        insert into incident_cases (incident_id, case_id, linked_at)
        select * from unnest(${links.map((l) => l.incidentId)}::text[], ${links.map((l) => l.caseId)}::text[],
                             ${links.map((l) => l.at)}::timestamptz[])
        on conflict do nothing)
      insert into user_profiles (platform_user_id, name, tier, languages, first_seen_at, last_seen_at)
      select user_id, name, tier, languages::jsonb, at, at
      from unnest(${profile((r) => r.userId)}::text[], ${profile((r) => r.userName ?? null)}::text[],
                  ${profile((r) => r.tier)}::text[], ${profile((r) => JSON.stringify([r.language]))}::text[],
                  ${profile((r) => new Date(r.createdAt))}::timestamptz[])
        as p(user_id, name, tier, languages, at)
      on conflict (platform_user_id) do update
        set tier = excluded.tier, last_seen_at = excluded.last_seen_at, name = excluded.name`.execute(
      this.db,
    );
  }
}
