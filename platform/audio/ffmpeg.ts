import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffprobe, readToEndSeconds } from '../media-files/probe.js';

const run = promisify(execFile);

/** The bytes are not audio ffmpeg can decode; retrying cannot help. */
export class AudioUnsupportedError extends Error {
  readonly code = 'LIFELINE_AUDIO_UNSUPPORTED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AudioUnsupportedError';
  }
}

export interface AudioProbe {
  durationSeconds: number;
  codec: string;
}

/** Reads the container with ffprobe (no shell). Throws AudioUnsupportedError unless it holds decodable audio. */
export async function probeAudio(path: string): Promise<AudioProbe> {
  const info = await ffprobe<{
    streams?: { codec_name?: string; duration?: string }[];
    format?: { duration?: string };
  }>(
    path,
    ['-select_streams', 'a:0', '-show_entries', 'stream=codec_name,duration:format=duration'],
    (cause) => new AudioUnsupportedError('not decodable audio', { cause }),
  );
  const stream = info.streams?.[0];
  if (!stream?.codec_name) throw new AudioUnsupportedError('no audio stream');
  const duration = Number(stream.duration ?? info.format?.duration);
  // Browser MediaRecorder WebM often carries no duration; decoding measures it instead.
  return {
    durationSeconds: Number.isFinite(duration) ? duration : await measureDuration(path),
    codec: stream.codec_name,
  };
}

async function measureDuration(path: string): Promise<number> {
  const seconds = await readToEndSeconds(path, []);
  if (seconds === null) throw new AudioUnsupportedError('audio has no measurable duration');
  return seconds;
}

/** Decodes any supported input to 16 kHz mono 16-bit WAV, what whisper.cpp reads. */
export async function decodeToWav16k(input: string, output: string, timeoutMs = 120_000): Promise<void> {
  try {
    await run(
      'ffmpeg',
      [
        '-nostdin',
        '-v',
        'error',
        '-y',
        '-i',
        input,
        '-vn',
        '-ac',
        '1',
        '-ar',
        '16000',
        '-c:a',
        'pcm_s16le',
        '-f',
        'wav',
        output,
      ],
      { timeout: timeoutMs },
    );
  } catch (error) {
    const killed = (error as { killed?: boolean }).killed;
    if (killed) throw error; // a timeout may pass on another try
    throw new AudioUnsupportedError('ffmpeg could not decode the audio', { cause: error });
  }
}
