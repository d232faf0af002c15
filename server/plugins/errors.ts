import fp from 'fastify-plugin';
import { toLifelineError } from '../errors/classify.js';
import { LifelineError } from '../../core/errors/LifelineError.js';

/** The one error handler: every error leaves as `{error: {code, message}}`; 5xx internals never do. */
export default fp(
  async (app) => {
    app.setErrorHandler((raw, request, reply) => {
      const error = toLifelineError(raw);
      if (error.statusCode >= 500) request.log.error({ err: raw, code: error.code }, 'request failed');
      else request.log.info({ code: error.code }, error.message);
      if (app.hasDecorator('lifeline')) app.lifeline.metrics.errors.inc({ code: error.code });
      const body: Record<string, unknown> = { code: error.code, message: error.message };
      if (error.details) Object.assign(body, error.details);
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
