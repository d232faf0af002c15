import type { FastifyServerOptions } from 'fastify';
import { loggedError } from './errors/loggedError.js';

/** Tokens ride in the WebSocket URL; they never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|identity|access_token)=)[^&]*/gi, '$1[redacted]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
    serializers: {
      // Every `{err}` in any log line, ours or Fastify's, goes through this: no message echoes input.
      err: (error: unknown) => loggedError(error),
      req(request: { method: string; url: string; id?: string; ip?: string }) {
        return { method: request.method, url: redactUrl(request.url), id: request.id, ip: request.ip };
      },
    },
  };
}
