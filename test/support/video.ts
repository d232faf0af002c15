import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toneSource } from '../../scripts/lib/tone.js';

const run = promisify(execFile);

/**
 * A test clip made by ffmpeg: the test card (testsrc) with the test tone as its sound, in the
 * containers recorders produce. `webm` is written to a pipe, as MediaRecorder writes it: no
 * duration in the header and no cues.
 */
export async function makeVideo(
  dir: string,
  name: string,
  seconds: number,
  format: 'webm' | 'mp4',
  options: { audio?: boolean; size?: string } = {},
): Promise<Buffer> {
  const { audio = true, size = '640x480' } = options;
  const input = ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=15:duration=${seconds}`];
  const sound = audio ? ['-f', 'lavfi', '-i', toneSource(seconds)] : [];
  const encoders = {
    webm: ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '300k', ...(audio ? ['-c:a', 'libopus'] : [])],
    mp4: [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      ...(audio ? ['-c:a', 'aac'] : []),
    ],
  }[format];
  const file = join(dir, `${name}.${format}`);
  const output =
    format === 'webm' ? ['-f', 'webm', 'pipe:1'] : ['-movflags', '+faststart', '-f', 'mp4', file];
  const { stdout } = await run(
    'ffmpeg',
    [
      '-nostdin',
      '-v',
      'error',
      '-y',
      ...input,
      ...sound,
      ...(audio ? ['-ac', '1'] : []),
      ...encoders,
      ...output,
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return format === 'webm' ? stdout : readFile(file);
}

/** What ffprobe sees in a file: its first stream's codec and picture size. */
export async function probeImage(path: string): Promise<{ codec: string; width: number; height: number }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_name,width,height',
    '-of',
    'json',
    path,
  ]);
  const stream = (JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number }[] })
    .streams[0]!;
  return { codec: stream.codec_name, width: stream.width, height: stream.height };
}
