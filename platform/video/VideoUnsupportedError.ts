/** The bytes are not a video ffmpeg can decode (or hold no picture); retrying cannot help. */
export class VideoUnsupportedError extends Error {
  readonly code = 'LIFELINE_VIDEO_UNSUPPORTED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VideoUnsupportedError';
  }
}
