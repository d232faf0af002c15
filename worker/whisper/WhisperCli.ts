import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { parseWhisperOutput, type ParsedTranscript } from './parseOutput.js';

export interface WhisperOptions {
  bin: string;
  model: string;
  threads: number;
  timeoutMs: number;
  /** Temperature fallback on a failed decode: better transcripts, more compute. */
  fallback: boolean;
}

/** whisper.cpp could not run: a missing binary or model is a setup problem, not the audio's. */
export class WhisperUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhisperUnavailableError';
  }
}

/** Languages routed to agents; anything else is left to whisper's own detection. */
const SUPPORTED = /^(en|zh|ja|ko|es|fr|de|pt|it|ru|ar|hi|id|vi|th|tr|nl|pl|sv|uk)$/;

/**
 * whisper.cpp's `main`, run with execFile (no shell, its own cwd untouched) and every option
 * explicit: model, threads, language, timestamps on stdout, nothing written to disk.
 */
export class WhisperCli {
  constructor(private readonly options: WhisperOptions) {}

  async assertReady(): Promise<void> {
    for (const [what, path] of [
      ['binary', this.options.bin],
      ['model', this.options.model],
    ] as const) {
      try {
        await access(path);
      } catch (error) {
        throw new WhisperUnavailableError(`whisper ${what} not found at ${path}; run npm run setup`, {
          cause: error,
        });
      }
    }
  }

  args(wavPath: string, language: string | undefined): string[] {
    const lang = language && SUPPORTED.test(language) ? language : 'auto';
    const args = [
      '-m',
      this.options.model,
      '-f',
      wavPath,
      '-t',
      String(this.options.threads),
      '-l',
      lang,
      '-p',
      '1',
    ];
    if (!this.options.fallback) args.push('-nf');
    return args;
  }

  transcribe(wavPath: string, language?: string): Promise<ParsedTranscript> {
    return new Promise((resolve, reject) => {
      execFile(
        this.options.bin,
        this.args(wavPath, language),
        { timeout: this.options.timeoutMs, maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL' },
        (error, stdout, stderr) => {
          if (error) {
            const reason = (error as { killed?: boolean }).killed
              ? `timed out after ${this.options.timeoutMs} ms`
              : `exited with ${error.code ?? error.signal}`;
            return reject(
              new Error(
                `whisper.cpp ${reason}: ${stderr.split('\n').filter(Boolean).slice(-2).join(' | ')}`,
                { cause: error },
              ),
            );
          }
          const parsed = parseWhisperOutput(stdout, stderr);
          resolve(lang(parsed, language));
        },
      );
    });
  }
}

/** When the caller fixed the language, whisper prints no detection line: report the one asked for. */
function lang(parsed: ParsedTranscript, requested: string | undefined): ParsedTranscript {
  return parsed.language || !requested ? parsed : { ...parsed, language: requested };
}
