import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/** Errors a client causes on its own socket: malformed frames, oversize frames, a dropped link. */
const CLIENT_CAUSED = /^(WS_ERR_|ECONNRESET$|EPIPE$)/;

/** How loudly a socket error is logged: a client's protocol mistake is not the server's error. */
export function socketErrorLevel(error: Error & { code?: string }): 'debug' | 'warn' {
  return CLIENT_CAUSED.test(error.code ?? '') ? 'debug' : 'warn';
}

/** @fastify/websocket's errorHandler: log by cause, never the frame's bytes, and drop the socket. */
export function onSocketError(
  error: Error & { code?: string },
  socket: WebSocket,
  request: FastifyRequest,
): void {
  request.log[socketErrorLevel(error)]({ code: error.code, err: error }, 'socket closed on error');
  socket.terminate();
}
