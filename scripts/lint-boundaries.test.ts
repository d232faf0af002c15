import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints one made-up file at a path, as `npm run lint` would, and returns its boundary errors. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('npm run lint enforces the architecture', () => {
  it('fails a worker that imports the server', async () => {
    const errors = await boundaryErrors('worker/probe.ts', "import { buildApp } from '../server/app.js';\n");
    expect(errors.join('\n')).toMatch(/worker\/ never imports server\//);
  });

  it('fails a server module that imports the worker', async () => {
    const code = "import { VoiceWorkers } from '../../worker/VoiceWorkers.js';\n";
    expect(await boundaryErrors('server/voice/probe.ts', code)).toHaveLength(1);
  });

  it('fails core code that does I/O or reaches an adapter', async () => {
    const code =
      "import { Redis } from 'ioredis';\nimport { QueueStore } from '../../platform/stores/QueueStore.js';\n";
    expect(await boundaryErrors('core/routing/probe.ts', code)).toHaveLength(2);
  });

  it('fails browser code that imports a Node-only module or a schema value', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { ServerFrame } from '@lifeline/core/protocol/frames.js';\n";
    expect(await boundaryErrors('web/src/probe.ts', code)).toHaveLength(2);
  });

  it('fails a k6 script that takes a value from core, which k6 could not resolve', async () => {
    const code = "import { CATEGORIES } from '@lifeline/core/protocol/vocabulary.js';\n";
    expect(await boundaryErrors('load-tests/probe.ts', code)).toHaveLength(1);
  });

  it('passes the imports each folder is allowed', async () => {
    const allowed: [string, string][] = [
      [
        'core/routing/probe.ts',
        "import { Type } from '@sinclair/typebox';\nimport { CATEGORIES } from '../protocol/vocabulary.js';\n",
      ],
      ['worker/probe.ts', "import { QueueStore } from '../platform/stores/QueueStore.js';\n"],
      ['media/probe.ts', "import { LifelineError } from '../core/errors/LifelineError.js';\n"],
      [
        'web/src/probe.ts',
        "import type { ServerFrame } from '@lifeline/core/protocol/frames.js';\nimport { CATEGORIES } from '@lifeline/core/protocol/vocabulary.js';\n",
      ],
    ];
    for (const [path, code] of allowed) expect(await boundaryErrors(path, code), path).toEqual([]);
  });
});
