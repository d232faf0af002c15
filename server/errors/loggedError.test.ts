import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { loggerOptions } from '../logger.js';
import { loggedError } from './loggedError.js';

const SECRET = 'hunter2-secret-password';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

/** The API's own logger options over a captured stream, as every log line is written. */
function captureLog(): { log: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { log: pino(loggerOptions('info') as LoggerOptions, sink), lines: () => chunks.join('') };
}

describe('loggedError', () => {
  it('keeps the class and the frames of an error whose message quotes the body, not the quote', () => {
    const parse = thrown(() => JSON.parse(`{"password": ${SECRET}}`));
    expect(parse.message).toContain('hunter2'); // Node quotes the input: the reason for this module
    const logged = loggedError(parse);
    expect(logged).toMatchObject({ type: 'SyntaxError', stack: expect.stringMatching(/^at /) });
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });

  it("keeps a Node error's code but not the value it echoes", () => {
    const logged = loggedError(thrown(() => Buffer.from(31337 as unknown as string)));
    expect(logged).toMatchObject({ type: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    expect(JSON.stringify(logged)).not.toContain('31337');
  });

  it('keeps where infrastructure failed, and drops properties that hold command arguments', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 6379,
      command: { name: 'hset', args: ['agent:1', 'email', SECRET] },
    });
    const logged = loggedError(refused);
    expect(logged).toMatchObject({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 6379,
    });
    expect(JSON.stringify(logged)).not.toContain(SECRET);
  });

  it("keeps Lifeline's own messages and follows causes", () => {
    const cause = thrown(() => JSON.parse(SECRET));
    const logged = loggedError(new LifelineError('LIFELINE_INTERNAL', undefined, { cause }));
    expect(logged).toMatchObject({
      type: 'LifelineError',
      message: 'Internal error',
      cause: { type: 'SyntaxError' },
    });
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });

  it('is how every `err` in a log line is written', () => {
    const { log, lines } = captureLog();
    log.error({ err: thrown(() => JSON.parse(SECRET)), code: 'LIFELINE_INTERNAL' }, 'request failed');
    const line = JSON.parse(lines()) as { err: { type: string }; code: string };
    expect(line).toMatchObject({ code: 'LIFELINE_INTERNAL', err: { type: 'SyntaxError' } });
    expect(lines()).not.toContain('hunter2');
  });
});
