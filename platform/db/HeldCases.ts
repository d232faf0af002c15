import type { Kysely, Transaction } from 'kysely';
import { insertMessage, type NewMessage } from './MessageRepository.js';
import type { Database } from './schema.js';

/**
 * The assistant's hold on a case in the system of record. Its lines are stored only while the
 * case is `assistant`, under a share lock on the case row; the handover takes the row for update,
 * moves the case to waiting and stores the assistant's last line in one transaction. So every
 * assistant line is stored before the handover, sorting before its last line, or not at all.
 * One module holds this lock protocol, though it writes to cases, their events and messages.
 */
export class HeldCases {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an assistant line while the case is held; null once a person has it. */
  say(line: NewMessage): Promise<Date | null> {
    return this.whileHeld(line.caseId, 'share', (tx) => insertMessage(tx, line));
  }

  /** Hands the held case to a person with its last line; null if it was not held (closed, handed over). */
  handOver(id: string, reason: string, at: number, line: NewMessage): Promise<Date | null> {
    const when = new Date(at);
    return this.whileHeld(id, 'update', async (tx) => {
      await tx.updateTable('cases').set({ state: 'queued', updated_at: when }).where('id', '=', id).execute();
      await tx.insertInto('case_events').values({ case_id: id, state: 'queued', reason, at: when }).execute();
      return insertMessage(tx, line);
    });
  }

  /**
   * Locks the case row first, on its own statement: the statements after it see every line
   * committed before the lock was granted, so what they store sorts after all of them.
   */
  private whileHeld<T>(
    id: string,
    lock: 'share' | 'update',
    work: (tx: Transaction<Database>) => Promise<T>,
  ) {
    return this.db.transaction().execute(async (tx) => {
      const query = tx.selectFrom('cases').select('id').where('id', '=', id).where('state', '=', 'assistant');
      const held = await (lock === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
      return held ? work(tx) : null;
    });
  }
}
