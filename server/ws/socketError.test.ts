import { describe, expect, it } from 'vitest';
import { socketErrorLevel } from './socketError.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('socket error levels', () => {
  it('keeps client protocol mistakes out of warn and error logs', () => {
    for (const code of ['WS_ERR_INVALID_UTF8', 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'ECONNRESET'])
      expect(socketErrorLevel(withCode(code)), code).toBe('debug');
  });

  it('warns about anything else', () => {
    expect(socketErrorLevel(new Error('boom'))).toBe('warn');
    expect(socketErrorLevel(withCode('ERR_STREAM_DESTROYED'))).toBe('warn');
  });
});
