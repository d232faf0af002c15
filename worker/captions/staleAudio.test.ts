import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CAPTIONS_DIR_PREFIX, removeStaleAudio } from './staleAudio.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('removeStaleAudio', () => {
  it('deletes only caption directories untouched for an hour', async () => {
    root = await mkdtemp(join(tmpdir(), 'stale-audio-'));
    const now = Date.now();
    for (const name of [`${CAPTIONS_DIR_PREFIX}old`, `${CAPTIONS_DIR_PREFIX}live`, 'someone-else-old'])
      await mkdir(join(root, name));
    const twoHoursAgo = new Date(now - 2 * 3_600_000);
    await utimes(join(root, `${CAPTIONS_DIR_PREFIX}old`), twoHoursAgo, twoHoursAgo);
    await utimes(join(root, 'someone-else-old'), twoHoursAgo, twoHoursAgo);
    expect(await removeStaleAudio(now, root)).toBe(1);
    expect((await readdir(root)).sort()).toEqual([`${CAPTIONS_DIR_PREFIX}live`, 'someone-else-old']);
  });
});
