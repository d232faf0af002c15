import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs scripts/score.ts as `npm run --silent score` does, with JSONL on stdin. */
function scoreCli(input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/score.ts'],
      { timeout: 20_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin!.end(input);
  });
}

describe('npm run score', () => {
  it('writes one JSONL result per input line, and a coded error for a bad line', async () => {
    const input = [
      JSON.stringify({ text: 'someone hacked my account and is posting right now', lang: 'en' }),
      '',
      JSON.stringify({ text: '建议增加夜间模式' }),
      'not json',
    ].join('\n');
    const lines = (await scoreCli(input))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      category: 'account_security',
      level: 'critical',
      sentiment: 'negative',
    });
    expect(Object.keys(lines[0]).sort()).toEqual(['category', 'level', 'reasons', 'score', 'sentiment']);
    expect(lines[1]).toMatchObject({ category: 'feedback', level: 'low' });
    expect(lines[2]).toHaveProperty('error');
  });
});
