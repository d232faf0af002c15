import { LifelineError } from '../../core/errors/LifelineError.js';

// The last three are a Redis Cluster's: no node reachable, or slots without a live master.
const REDIS_DOWN =
  /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|max retries per request|Cluster isn't ready|CLUSTERDOWN|None of startup nodes is available/i;

function isRedisOutage(error: Error): boolean {
  const name = error.constructor?.name ?? '';
  return name === 'MaxRetriesPerRequestError' || REDIS_DOWN.test(error.message);
}

/**
 * PostgreSQL unreachable or refusing work: pg's own connection errors, and SQLSTATE classes 08
 * (connection exception), 53 (insufficient resources) and 57P (operator intervention, e.g. a
 * shutdown). Told apart from Redis by coming through pg (its stack) or carrying a SQLSTATE.
 */
const DATABASE_DOWN =
  /timeout exceeded when trying to connect|Connection terminated|the database system is (starting up|shutting down)/i;

function isDatabaseOutage(error: Error & { code?: unknown }): boolean {
  if (typeof error.code === 'string' && /^(08|53|57P)/.test(error.code)) return true;
  const viaPg = /node_modules[\\/](pg|pg-pool)[\\/]/.test(error.stack ?? '');
  return (
    DATABASE_DOWN.test(error.message) || (viaPg && /ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(error.message))
  );
}

interface FastifyLikeError extends Error {
  code?: string;
  statusCode?: number;
  validation?: unknown;
}

const FASTIFY_CODES: Record<string, LifelineError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'LIFELINE_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'LIFELINE_VALIDATION',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'LIFELINE_BAD_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'LIFELINE_BAD_JSON',
};

/**
 * Turns anything thrown into a LifelineError. Unknown errors become LIFELINE_INTERNAL, whose
 * message never reaches clients: the original stays attached as the cause for the log.
 */
export function toLifelineError(error: unknown): LifelineError {
  if (error instanceof LifelineError) return error;
  if (!(error instanceof Error)) return new LifelineError('LIFELINE_INTERNAL', undefined, { cause: error });
  const fastifyError = error as FastifyLikeError;
  if (fastifyError.validation) return new LifelineError('LIFELINE_VALIDATION', error.message);
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new LifelineError(mapped, undefined, { cause: error });
  if (error instanceof SyntaxError && fastifyError.statusCode === 400)
    return new LifelineError('LIFELINE_BAD_JSON');
  if (isDatabaseOutage(error))
    return new LifelineError('LIFELINE_DATABASE_UNAVAILABLE', undefined, { cause: error });
  if (isRedisOutage(error))
    return new LifelineError('LIFELINE_REDIS_UNAVAILABLE', undefined, { cause: error });
  return new LifelineError('LIFELINE_INTERNAL', undefined, { cause: error });
}
