/**
 * The one place where a domain error code becomes an HTTP status and a WebSocket close code.
 * Close codes are 4000 + the HTTP status, so a client can read either the same way.
 */
export const ERROR_CODES = {
  LIFELINE_VALIDATION: { status: 400, message: 'The request does not match its schema' },
  LIFELINE_BAD_JSON: { status: 400, message: 'The body is not valid JSON' },
  LIFELINE_UNKNOWN_MESSAGE: { status: 400, message: 'Unknown message type' },
  LIFELINE_MALFORMED_HTTP: { status: 400, message: 'The request is not valid HTTP' },
  LIFELINE_TRANSFER_TO_SELF: { status: 400, message: 'An agent cannot consult or transfer to itself' },
  LIFELINE_POLICY_INVALID: {
    status: 400,
    message: 'The routing policy has problems; none of it was applied',
  },
  LIFELINE_ANALYTICS_WINDOW: {
    status: 400,
    message: 'The analytics window is not valid (dates, time zone or window kind)',
  },
  LIFELINE_RANGE_TOO_LONG: { status: 400, message: 'The analytics range spans too many days' },
  LIFELINE_UNAUTHENTICATED: { status: 401, message: 'Missing or invalid credentials' },
  LIFELINE_TOKEN_EXPIRED: { status: 401, message: 'The token has expired' },
  LIFELINE_BAD_SIGNATURE: { status: 401, message: 'The signature does not verify' },
  LIFELINE_FORBIDDEN: { status: 403, message: 'Not allowed for this identity' },
  LIFELINE_NOT_FOUND: { status: 404, message: 'Not found' },
  LIFELINE_INCIDENT_NOT_FOUND: { status: 404, message: 'No such incident' },
  LIFELINE_REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time' },
  LIFELINE_AGENT_EXISTS: { status: 409, message: 'An agent with this email already exists' },
  LIFELINE_OFFER_GONE: { status: 409, message: 'The offer expired or was withdrawn' },
  LIFELINE_SESSION_GONE: { status: 409, message: 'The session is not active' },
  LIFELINE_REQUEST_CLOSED: { status: 409, message: 'The help request is closed' },
  LIFELINE_TASK_CLOSED: { status: 409, message: 'The task is no longer pending' },
  LIFELINE_INCIDENT_RESOLVED: { status: 409, message: 'The incident is resolved already' },
  LIFELINE_NOT_IN_INCIDENT: { status: 409, message: 'The help request is not linked to an incident' },
  LIFELINE_RECORDING_EXISTS: {
    status: 409,
    message: 'The help request already carries a recording of the other kind',
  },
  LIFELINE_ALREADY_A_CALL: { status: 409, message: 'This session is a live call already' },
  LIFELINE_NO_LIVE_CALL: { status: 409, message: 'This session holds no live call' },
  LIFELINE_TRANSFER_TARGET_OFFLINE: {
    status: 409,
    message: 'The agent asked for is not available (offline, away or not connected)',
  },
  LIFELINE_TRANSFER_TARGET_BUSY: { status: 409, message: 'The agent asked for is at capacity' },
  LIFELINE_TRANSFER_PENDING: { status: 409, message: 'A consult is already open on this session' },
  LIFELINE_NO_CONSULT: {
    status: 409,
    message: 'No consult is open on this session, or the consulted agent has not joined it',
  },
  LIFELINE_PAYLOAD_TOO_LARGE: { status: 413, message: 'The body or frame is too large' },
  LIFELINE_AUDIO_TOO_LONG: { status: 413, message: 'The voice message is longer than allowed' },
  LIFELINE_VIDEO_TOO_LONG: { status: 413, message: 'The video is longer than allowed' },
  LIFELINE_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  LIFELINE_AUDIO_UNSUPPORTED: { status: 415, message: 'The body is not audio that can be decoded' },
  LIFELINE_VIDEO_UNSUPPORTED: { status: 415, message: 'The body is not a video that can be decoded' },
  LIFELINE_RATE_LIMITED: { status: 429, message: 'Too many requests; slow down' },
  LIFELINE_HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large' },
  LIFELINE_INTERNAL: { status: 500, message: 'Internal error' },
  LIFELINE_QUEUE_FULL: { status: 503, message: 'The queue is full; try again shortly' },
  LIFELINE_REDIS_UNAVAILABLE: { status: 503, message: 'The state store is unavailable; try again shortly' },
  LIFELINE_DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable; try again shortly' },
  LIFELINE_MEDIA_UNAVAILABLE: { status: 503, message: 'The media server is unavailable; try again shortly' },
  LIFELINE_SHUTTING_DOWN: { status: 503, message: 'This instance is shutting down; reconnect' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export function closeCodeOf(code: ErrorCode): number {
  return 4000 + ERROR_CODES[code].status;
}
