import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  config: { livekitVersion: string };
};

/** Built tools live outside the repo, keyed by version, so a clean clone reuses them. */
export function cacheDir(): string {
  return (
    process.env.LIFELINE_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lifeline')
  );
}

export function livekitBinary(): string {
  return process.env.LIVEKIT_BIN ?? join(cacheDir(), `livekit-v${pkg.config.livekitVersion}`, 'server');
}
