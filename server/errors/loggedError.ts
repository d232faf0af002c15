import { LifelineError } from '../../core/errors/LifelineError.js';

/** Properties of system and Redis errors that describe infrastructure, never a client's input. */
const INFRASTRUCTURE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port', 'statusCode'] as const;
const MAX_CAUSES = 3;
const WITHHELD = '[withheld: may echo client input]';

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/**
 * What a log line keeps of an error: its class, its code, where it was thrown and its causes.
 * Other messages are left out because many echo what a client sent (JSON parse errors quote the
 * body, Node's argument errors the value) and some errors carry it in properties (ioredis keeps
 * the command's arguments), so they are not copied either. Lifeline's own errors keep their
 * message: it is written by us or by schema validation, which names fields, not values.
 */
export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: WITHHELD, stack: '' };
  const logged: LoggedError = {
    type: error.constructor?.name ?? error.name,
    message: error instanceof LifelineError ? error.message : WITHHELD,
    // The stack's first lines repeat the message; only the frames are kept.
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .map((line) => line.trim())
      .join('\n'),
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of INFRASTRUCTURE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) logged.cause = loggedError(error.cause, depth + 1);
  return logged;
}
