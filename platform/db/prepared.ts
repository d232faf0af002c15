import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';

const MARK = /\/\* prepared: ([a-z][a-z0-9-]*) \*\//;

/**
 * Marks a hot statement (in a `sql` template, or with a builder's `modifyEnd`) to run as a named
 * prepared statement: each connection parses and plans it once instead of on every call, which
 * for a statement of several CTEs costs PostgreSQL more than running it. Mark only statements
 * whose text is the same on every call (lists go in as one array parameter) and that name their
 * result columns: a prepared `select *` fails after a migration adds a column, until reconnect.
 * A connection pooler in front of PostgreSQL must support prepared statements (PgBouncer ≥ 1.21
 * with `max_prepared_statements`, or session pooling).
 */
export function prepared(name: string): RawBuilder<unknown> {
  if (!MARK.test(`/* prepared: ${name} */`)) throw new Error(`not a statement name: ${name}`);
  return sql.raw(`/* prepared: ${name} */`);
}

/** The statement name a marked text runs under: its mark and its text's digest, so a changed text never reuses a name. */
function statementName(text: string, names: Map<string, string | null>): string | null {
  let name = names.get(text);
  if (name === undefined) {
    const mark = MARK.exec(text)?.[1];
    name = mark ? `${mark}-${createHash('sha1').update(text).digest('hex').slice(0, 12)}` : null;
    // Unmarked texts are not remembered: they may be as many as the queries built.
    if (mark) names.set(text, name);
  }
  return name;
}

/**
 * A pg client that runs marked statements as named prepared statements (pg parses each name
 * once per connection); everything else goes through as it came. Every pool in Lifeline uses it.
 */
export class PreparingClient extends pg.Client {
  private readonly names = new Map<string, string | null>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection lost while this client is checked out (between a transaction's statements)
    // fails its queries and the pool drops the client on release; unheard, the 'error' event it
    // also emits would crash the process.
    this.on('error', () => {});
  }

  // pg's `query` has many overloads; only (text, values) calls are rewritten.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name =
      typeof text === 'string' && text.includes('/* prepared: ') ? statementName(text, this.names) : null;
    const call = name ? [{ name, text, values }, ...args.slice(2)] : args;
    return (super.query as (...a: unknown[]) => never)(...call);
  }
}
