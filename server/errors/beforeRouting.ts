import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyReply } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../../core/protocol/errorCodes.js';

/**
 * Answers for what fails before Fastify routes a request, so those refusals carry the same coded
 * body as every other error. Both kinds hold the raw input (the parser's error its bytes, which
 * may include a token; Fastify's its URL), so only codes are logged.
 */

function parserCodeOf(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'LIFELINE_HEADERS_TOO_LARGE';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'LIFELINE_REQUEST_TIMEOUT';
  return 'LIFELINE_MALFORMED_HTTP';
}

/** For Node's 'clientError': oversize headers, a malformed request line, a request that stalled. */
export function answerClientError(
  log: FastifyBaseLogger,
  error: NodeJS.ErrnoException,
  socket: Socket,
): ErrorCode | undefined {
  if (error.code === 'ECONNRESET' || socket.destroyed) return undefined;
  const code = parserCodeOf(error);
  const { status, message } = ERROR_CODES[code];
  log.debug({ code, parserCode: error.code }, 'refused before routing');
  // A reply already under way on this socket cannot be followed by another status line.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return code;
  }
  const body = JSON.stringify({ error: { code, message } });
  // Ended, then destroyed once flushed: HTTP sockets are half-open, and a client that never
  // closes its side must not keep this one.
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
  return code;
}

const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_BAD_URL: { code: 'LIFELINE_MALFORMED_HTTP', message: 'The URL is not validly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'LIFELINE_VALIDATION', message: 'A path segment is too long' },
};

/** For Fastify's `frameworkErrors`: a URL the router cannot decode or a path segment over its limit. */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply): ErrorCode {
  const known = FRAMEWORK_ERRORS[error.code];
  const code = known?.code ?? 'LIFELINE_INTERNAL';
  reply.log.info({ code, frameworkCode: error.code }, 'refused before routing');
  void reply
    .code(ERROR_CODES[code].status)
    .send({ error: { code, message: known?.message ?? ERROR_CODES[code].message } });
  return code;
}
