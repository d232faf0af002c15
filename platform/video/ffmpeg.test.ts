import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudio } from '../../test/support/audio.js';
import { makeVideo, probeImage } from '../../test/support/video.js';
import { extractThumbnail, probeVideo } from './ffmpeg.js';
import { VideoUnsupportedError } from './VideoUnsupportedError.js';

// Real ffmpeg and ffprobe (Debian's), on clips it makes itself.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-video-unit-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('probeVideo', () => {
  it('measures a streamed WebM that carries no duration, as MediaRecorder writes it', async () => {
    const path = await fileOf('streamed', await makeVideo(dir, 'streamed', 3, 'webm'));
    expect(await probeVideo(path)).toEqual({
      durationSeconds: expect.closeTo(3, 0),
      width: 640,
      height: 480,
      videoCodec: 'vp8',
      hasAudio: true,
    });
  });

  it('tells a silent MP4 apart', async () => {
    const path = await fileOf('silent', await makeVideo(dir, 'silent', 2, 'mp4', { audio: false }));
    expect(await probeVideo(path)).toMatchObject({ videoCodec: 'h264', hasAudio: false });
  });

  it('refuses sound without a picture, and bytes that are no media at all', async () => {
    const sound = await fileOf('sound', await makeAudio(dir, 'sound', 1, 'webm'));
    await expect(probeVideo(sound)).rejects.toBeInstanceOf(VideoUnsupportedError);
    const junk = await fileOf('junk', Buffer.from('not a video at all'.repeat(20)));
    await expect(probeVideo(junk)).rejects.toBeInstanceOf(VideoUnsupportedError);
  });
});

describe('extractThumbnail', () => {
  it('writes one JPEG frame at most the width asked for, never enlarged', async () => {
    const wide = await fileOf('wide', await makeVideo(dir, 'wide', 2, 'mp4', { size: '1280x720' }));
    await extractThumbnail(wide, join(dir, 'wide.jpg'), { durationSeconds: 2, width: 320 });
    expect(await probeImage(join(dir, 'wide.jpg'))).toEqual({ codec: 'mjpeg', width: 320, height: 180 });
    const small = await fileOf('small', await makeVideo(dir, 'small', 1, 'mp4', { size: '160x120' }));
    const jpeg = await extractThumbnail(small, join(dir, 'small.jpg'), { durationSeconds: 1, width: 320 });
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(await probeImage(join(dir, 'small.jpg'))).toMatchObject({ width: 160, height: 120 });
  });
});
