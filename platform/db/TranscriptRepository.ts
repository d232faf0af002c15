import type { Kysely } from 'kysely';
import type { TranscriptStatus } from '../../core/protocol/vocabulary.js';
import type { Database, TranscriptSegment } from './schema.js';

/** A settled transcript as the system of record keeps it and gives it back. */
export interface StoredTranscript {
  status: TranscriptStatus;
  text?: string;
  language?: string;
  segments?: TranscriptSegment[];
}

/**
 * Segments serialised larger than this are not kept: the text is the record, and timings of a
 * long message are not worth a large row per case.
 */
export const MAX_STORED_SEGMENTS_CHARS = 32 * 1024;

const FOREIGN_KEY_VIOLATION = '23503';

/** Each case's transcript in the system of record. Owns the `transcripts` table. */
export class TranscriptRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Idempotent: a retried job writes the same row again. A case gone meanwhile (erased) is skipped. */
  async save(caseId: string, transcript: StoredTranscript, at: number): Promise<void> {
    const segments = transcript.segments ? JSON.stringify(transcript.segments) : null;
    const row = {
      status: transcript.status,
      text: transcript.text ?? null,
      language: transcript.language ?? null,
      segments: segments && segments.length <= MAX_STORED_SEGMENTS_CHARS ? segments : 'null',
      created_at: new Date(at),
    };
    const upsert = this.db
      .insertInto('transcripts')
      .values({ case_id: caseId, ...row })
      .onConflict((c) => c.column('case_id').doUpdateSet(row));
    try {
      await upsert.execute();
    } catch (error) {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
    }
  }

  async get(caseId: string): Promise<StoredTranscript | undefined> {
    const row = await this.db
      .selectFrom('transcripts')
      .select(['status', 'text', 'language', 'segments'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      status: row.status as TranscriptStatus,
      ...(row.text === null ? {} : { text: row.text }),
      ...(row.language === null ? {} : { language: row.language }),
      ...(row.segments ? { segments: row.segments } : {}),
    };
  }

  /** Deletes transcripts settled before the cutoff; returns how many. */
  async purgeBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('transcripts')
      .where('created_at', '<', new Date(cutoff))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
