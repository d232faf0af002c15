import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_ENV_END, README_ENV_START, envTableMarkdown } from './envTable.js';

describe('README environment table', () => {
  it('matches the configuration schema (run npm run docs:env after changing it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.split(README_ENV_START)[1]?.split(README_ENV_END)[0] ?? '';
    // Prettier may pad the table's cells; compare cell by cell.
    const cells = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .map((row) => row.split('|').map((cell) => cell.trim().replace(/^-+$/, '-')));
    expect(cells(table)).toEqual(cells(envTableMarkdown()));
  });
});
