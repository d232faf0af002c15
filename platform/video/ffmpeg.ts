import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ffprobe, readToEndSeconds } from '../media-files/probe.js';
import { VideoUnsupportedError } from './VideoUnsupportedError.js';

const run = promisify(execFile);

const THUMBNAIL_TIMEOUT_MS = 15_000;

export interface VideoProbe {
  durationSeconds: number;
  width: number;
  height: number;
  videoCodec: string;
  /** A clip may be silent: then there is nothing to transcribe. */
  hasAudio: boolean;
}

interface ProbedStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
}

/** Reads the container with ffprobe (no shell). Throws VideoUnsupportedError unless it holds a picture. */
export async function probeVideo(path: string): Promise<VideoProbe> {
  const info = await ffprobe<{ streams?: ProbedStream[]; format?: { duration?: string } }>(
    path,
    ['-show_entries', 'stream=codec_type,codec_name,width,height,duration:format=duration'],
    (cause) => new VideoUnsupportedError('not a decodable video', { cause }),
  );
  const streams = info.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  if (!video?.codec_name || !video.width || !video.height) throw new VideoUnsupportedError('no video stream');
  const duration = Number(video.duration ?? info.format?.duration);
  return {
    // MediaRecorder WebM carries no duration; reading its packets (no decoding) measures it.
    durationSeconds: Number.isFinite(duration) ? duration : await measureDuration(path),
    width: video.width,
    height: video.height,
    videoCodec: video.codec_name,
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
  };
}

async function measureDuration(path: string): Promise<number> {
  let seconds: number | null;
  try {
    seconds = await readToEndSeconds(path, ['-map', '0', '-c', 'copy']);
  } catch (error) {
    throw new VideoUnsupportedError('the video cannot be read to its end', { cause: error });
  }
  if (seconds === null) throw new VideoUnsupportedError('the video has no measurable duration');
  return seconds;
}

/**
 * One frame as a small JPEG, `width` pixels wide at most (never enlarged), keeping the aspect
 * ratio. The frame is a second in (a webcam's first frames are often dark), or the first one of a
 * clip shorter than two seconds. Decoding it also proves the picture decodes.
 */
export async function extractThumbnail(
  input: string,
  output: string,
  options: { durationSeconds: number; width: number },
): Promise<Buffer> {
  const at = options.durationSeconds >= 2 ? '1' : '0';
  const scale = `scale='min(${options.width},iw)':-2`;
  try {
    await run(
      'ffmpeg',
      [
        ...['-nostdin', '-v', 'error', '-y', '-i', input],
        ...['-ss', at, '-map', '0:v:0', '-frames:v', '1', '-vf', scale],
        ...['-c:v', 'mjpeg', '-q:v', '5', '-f', 'image2', output],
      ],
      { timeout: THUMBNAIL_TIMEOUT_MS },
    );
  } catch (error) {
    if ((error as { killed?: boolean }).killed) throw error; // a timeout is not the video's fault
    throw new VideoUnsupportedError('no frame of the video could be decoded', { cause: error });
  }
  // ffmpeg exits cleanly without writing when it finds no frame to take.
  const jpeg = await readFile(output).catch(() => Buffer.alloc(0));
  if (jpeg.length < 3 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8)
    throw new VideoUnsupportedError('the video has no frame to show');
  return jpeg;
}
