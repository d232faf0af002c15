/** One stretch of one party's speech, cut from their audio. Times are epoch ms on this worker. */
export interface Utterance {
  /** 16 kHz mono PCM. */
  samples: Int16Array;
  startedAt: number;
  /** When the last voiced frame arrived (or the window was cut at its longest). */
  endedAt: number;
}

export interface CutterSettings {
  sampleRate: number;
  /** Silence after speech that ends an utterance. */
  silenceMs: number;
  /** Speech longer than this is cut, so a monologue still gets captions while it goes on. */
  maxUtteranceMs: number;
  /** Less voiced audio than this in a window is a click or a cough: nothing to caption. */
  minSpeechMs: number;
  /** RMS (of 16-bit samples) at or above which a frame counts as voiced. */
  voicedRms: number;
  /** Audio kept from just before speech starts, so its first syllable is not clipped. */
  prerollMs: number;
}

export const DEFAULT_CUTTER: CutterSettings = {
  sampleRate: 16_000,
  silenceMs: 600,
  maxUtteranceMs: 4_000,
  minSpeechMs: 60,
  voicedRms: 300,
  prerollMs: 200,
};

/** Energy of a frame: enough to tell speech from a quiet line, with no model to run. */
export function rms(frame: Int16Array): number {
  let sum = 0;
  for (const sample of frame) sum += sample * sample;
  return frame.length === 0 ? 0 : Math.sqrt(sum / frame.length);
}

/**
 * An energy voice-activity detector that cuts a party's audio into utterances: one closes after
 * `silenceMs` of quiet or at `maxUtteranceMs`. Trailing silence is trimmed (whisper need not
 * hear it). Frames are fed in arrival order with the time each arrived.
 */
export class UtteranceCutter {
  private preroll: Int16Array[] = [];
  private chunks: Int16Array[] = [];
  private speaking = false;
  private startedAt = 0;
  private lastVoicedAt = 0;
  private voicedMs = 0;
  private quietMs = 0;
  /** Samples in `chunks` up to the end of the last voiced frame. */
  private voicedEnd = 0;
  private length = 0;

  constructor(
    private readonly settings: CutterSettings,
    private readonly onUtterance: (utterance: Utterance) => void,
  ) {}

  push(frame: Int16Array, arrivedAt: number): void {
    const frameMs = (frame.length / this.settings.sampleRate) * 1000;
    const voiced = rms(frame) >= this.settings.voicedRms;
    if (!this.speaking) {
      if (!voiced) return this.keepPreroll(frame, frameMs);
      this.speaking = true;
      this.chunks = this.preroll;
      this.length = this.preroll.reduce((n, chunk) => n + chunk.length, 0);
      this.preroll = [];
      this.startedAt = arrivedAt - frameMs - (this.length / this.settings.sampleRate) * 1000;
      this.voicedMs = 0;
    }
    this.chunks.push(frame);
    this.length += frame.length;
    if (voiced) {
      this.voicedMs += frameMs;
      this.quietMs = 0;
      this.lastVoicedAt = arrivedAt;
      this.voicedEnd = this.length;
    } else this.quietMs += frameMs;
    if (this.quietMs >= this.settings.silenceMs) this.close(this.lastVoicedAt, this.trimmedLength());
    else if (arrivedAt - this.startedAt >= this.settings.maxUtteranceMs) this.close(arrivedAt, this.length);
  }

  /** The party stopped sending (track gone): whatever they were saying is finished. */
  flush(): void {
    if (this.speaking) this.close(this.lastVoicedAt, this.trimmedLength());
  }

  private keepPreroll(frame: Int16Array, frameMs: number): void {
    this.preroll.push(frame);
    if (this.preroll.length * frameMs > this.settings.prerollMs) this.preroll.shift();
  }

  /** Up to the last voiced sample plus a little, so the last word is not cut mid-sound. */
  private trimmedLength(): number {
    return Math.min(this.length, this.voicedEnd + Math.round(this.settings.sampleRate * 0.1));
  }

  private close(endedAt: number, keep: number): void {
    const samples = new Int16Array(keep);
    let at = 0;
    for (const chunk of this.chunks) {
      if (at >= keep) break;
      samples.set(chunk.subarray(0, keep - at), at);
      at += chunk.length;
    }
    const voicedMs = this.voicedMs;
    const startedAt = this.startedAt;
    this.speaking = false;
    this.chunks = [];
    this.length = 0;
    this.voicedEnd = 0;
    this.quietMs = 0;
    this.voicedMs = 0;
    if (voicedMs >= this.settings.minSpeechMs) this.onUtterance({ samples, startedAt, endedAt });
  }
}
