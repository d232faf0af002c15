import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How long one look at an uploaded file (ffprobe, or ffmpeg reading it to its end) may take. */
const PROBE_TIMEOUT_MS = 15_000;

/**
 * ffprobe's JSON report on `path` (no shell); `args` choose the streams and entries. When ffprobe
 * fails or times out, throws what `unsupported` makes of the cause: the caller's coded error.
 */
export async function ffprobe<T>(
  path: string,
  args: string[],
  unsupported: (cause: unknown) => Error,
): Promise<T> {
  let stdout: string;
  try {
    ({ stdout } = await run('ffprobe', ['-v', 'error', ...args, '-of', 'json', path], {
      timeout: PROBE_TIMEOUT_MS,
    }));
  } catch (error) {
    throw unsupported(error);
  }
  return JSON.parse(stdout) as T;
}

/**
 * How far ffmpeg gets reading `path` to its end (seconds), for containers that carry no duration
 * (MediaRecorder's WebM); `outputArgs` say what it does with the streams on the way. Null when it
 * reports no time at all. Rejects as execFile does when ffmpeg fails.
 */
export async function readToEndSeconds(path: string, outputArgs: string[]): Promise<number | null> {
  const { stderr } = await run(
    'ffmpeg',
    ['-nostdin', '-v', 'info', '-i', path, ...outputArgs, '-f', 'null', '-'],
    { timeout: PROBE_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 },
  );
  const last = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)].at(-1);
  return last ? Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]) : null;
}
