import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefix of a call's working directory of utterance WAVs (CallCaptioner). */
export const CAPTIONS_DIR_PREFIX = 'lifeline-captions-';
/** A call's directory changes with every utterance: one untouched this long belongs to nobody. */
const STALE_MS = 3_600_000;

/**
 * Deletes the callers' audio a killed worker left behind (its `finally` never ran). Run at start;
 * a directory still in use by another worker on this host is younger than STALE_MS.
 */
export async function removeStaleAudio(now = Date.now(), root = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(CAPTIONS_DIR_PREFIX)) continue;
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory() || now - info.mtimeMs < STALE_MS) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
