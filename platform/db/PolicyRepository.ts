import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, RoutingPolicyRow } from './schema.js';

/** One policy version as the audit shows it. */
export interface PolicyVersion {
  version: number;
  document: unknown;
  source: 'file' | 'api';
  actor: string | null;
  createdAt: Date;
}

/** A lock id of its own, so two instances putting a policy at once write one version each, in turn. */
const POLICY_LOCK = 0x11fe_0007;

/** JSON with object keys sorted, so the same policy always has the same digest. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const toVersion = (row: RoutingPolicyRow): PolicyVersion => ({
  version: Number(row.version),
  document: row.document,
  source: row.source === 'file' ? 'file' : 'api',
  actor: row.actor,
  createdAt: new Date(row.created_at),
});

/** The routing policies put in force, newest last: the current one and the audit of changes. */
export class PolicyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async latest(): Promise<PolicyVersion | null> {
    const row = await this.db
      .selectFrom('routing_policies')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async latestVersion(): Promise<number | null> {
    const row = await this.db
      .selectFrom('routing_policies')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst();
    return row?.version == null ? null : Number(row.version);
  }

  /** Newest first. */
  async history(limit: number): Promise<PolicyVersion[]> {
    const rows = await this.db
      .selectFrom('routing_policies')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toVersion);
  }

  /**
   * Puts a (validated) document in force, unless it is the one in force already: returns the new
   * version, or null when nothing changed.
   */
  async put(document: unknown, source: 'file' | 'api', actor: string | null): Promise<number | null> {
    const digest = createHash('sha256').update(canonical(document)).digest('hex');
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${POLICY_LOCK})`.execute(trx);
      const current = await trx
        .selectFrom('routing_policies')
        .select('digest')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (current?.digest === digest) return null;
      const row = await trx
        .insertInto('routing_policies')
        .values({ document: JSON.stringify(document), digest, source, actor })
        .returning('version')
        .executeTakeFirstOrThrow();
      return Number(row.version);
    });
  }
}
