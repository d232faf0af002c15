import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, closeCodeOf, httpStatusOf, type ErrorCode } from './errorCodes.js';
import { ClientFrame, ServerFrame } from './frames.js';

const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const section = (heading: string) => doc.split(heading)[1]?.split(/\n## /)[0] ?? '';

describe('docs/protocol.md stays true to the code', () => {
  it('documents every client frame type under client → server', () => {
    for (const member of ClientFrame.anyOf)
      expect(section('## Client → server')).toContain(`### \`${member.properties.type.const}\``);
  });

  it('documents every server frame type under server → client', () => {
    for (const member of ServerFrame.anyOf)
      expect(section('## Server → client')).toContain(`### \`${member.properties.type.const}\``);
  });

  it('lists every error code with its HTTP status', () => {
    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const row = rows.find((cells) => cells[1] === `\`${code}\``);
      expect(row, code).toBeDefined();
      expect(row![2]).toBe(String(httpStatusOf(code)));
      expect([String(closeCodeOf(code)), '—']).toContain(row![3]);
    }
  });
});
