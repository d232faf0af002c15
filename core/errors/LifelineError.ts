import { ERROR_CODES, closeCodeOf, httpStatusOf, type ErrorCode } from '../protocol/errorCodes.js';

/** A domain error with a stable code. `retryable` tells clients and jobs whether trying again can help. */
export class LifelineError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.name = 'LifelineError';
    this.code = code;
    this.details = options.details;
    this.retryable = httpStatusOf(code) === 429 || httpStatusOf(code) >= 503;
  }

  get statusCode(): number {
    return httpStatusOf(this.code);
  }

  get closeCode(): number {
    return closeCodeOf(this.code);
  }
}
