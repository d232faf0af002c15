import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { toLifelineError } from '../errors/classify.js';
import { LifelineError } from '../../core/errors/LifelineError.js';

/** Which schema rules a refused body broke: paths into our schema, never the values sent. */
function brokenRules(raw: unknown): string[] | undefined {
  const validation = (raw as Partial<FastifyError>).validation;
  return validation?.map((issue) => issue.schemaPath);
}

/**
 * The one error handler: every error leaves as `{error: {code, message}}`; 5xx internals never do.
 * Log lines carry the code and the request id; internal errors add their class and stack (the
 * logger's `err` serializer drops messages that could echo input); refusals add nothing a
 * client wrote.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((raw, request, reply) => {
      const error = toLifelineError(raw);
      if (error.statusCode >= 500) request.log.error({ err: raw, code: error.code }, 'request failed');
      else request.log.info({ code: error.code, rules: brokenRules(raw) }, 'request refused');
      if (app.hasDecorator('lifeline')) app.lifeline.metrics.errors.inc({ code: error.code });
      const body: Record<string, unknown> = { code: error.code, message: error.message };
      if (error.details) Object.assign(body, error.details);
      if (typeof error.details?.retryAfterSeconds === 'number')
        void reply.header('retry-after', String(error.details.retryAfterSeconds));
      void reply.code(error.statusCode).send({ error: body });
    });
    app.setNotFoundHandler((request, reply) => {
      void reply.code(404).send({
        error: {
          code: 'LIFELINE_NOT_FOUND',
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    });
  },
  { name: 'lifeline-errors' },
);

export { LifelineError };
