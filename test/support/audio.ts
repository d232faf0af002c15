import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toneSource } from '../../scripts/lib/tone.js';

const run = promisify(execFile);

/**
 * Test audio made by ffmpeg: a voiced-like tone sweep with noise, in the containers browsers and
 * recorders produce. (Its words are not the point: transcript quality is tested on text fixtures.)
 */
export async function makeAudio(
  dir: string,
  name: string,
  seconds: number,
  codec: 'wav' | 'webm' | 'ogg' | 'mp3',
): Promise<Buffer> {
  const file = join(dir, `${name}.${codec}`);
  const encoder = {
    wav: ['-c:a', 'pcm_s16le'],
    webm: ['-c:a', 'libopus'],
    ogg: ['-c:a', 'libopus'],
    mp3: ['-c:a', 'libmp3lame', '-b:a', '16k'],
  }[codec];
  const source = toneSource(seconds);
  await run('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-ac',
    '1',
    ...encoder,
    file,
  ]);
  return readFile(file);
}
