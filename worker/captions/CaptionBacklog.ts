import type { CaptionSpeaker } from '../../core/protocol/captions.js';
import type { Utterance } from './UtteranceCutter.js';

export interface SpokenUtterance extends Utterance {
  speaker: CaptionSpeaker;
  /** Counted per speaker as cut, so a merged or dropped one leaves a gap listeners can see. */
  seq: number;
}

export interface BacklogCounts {
  utterances: number;
  merged: number;
  dropped: number;
}

/**
 * One call's utterances on their way to whisper.cpp, one at a time. A call cannot run ahead of
 * what the CPU transcribes: at most `maxPending` wait or run. Past that, a new utterance is
 * merged into the last one waiting from the same speaker when the two still fit one window
 * (`maxMergedSamples`); otherwise the oldest waiting one is dropped for it (or, with nothing
 * waiting, the new one is), counted, and visible to listeners as a gap in seq.
 */
export class CaptionBacklog {
  private readonly waiting: SpokenUtterance[] = [];
  private running = false;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  readonly counts: BacklogCounts = { utterances: 0, merged: 0, dropped: 0 };

  constructor(
    private readonly maxPending: number,
    private readonly maxMergedSamples: number,
    private readonly caption: (utterance: SpokenUtterance) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(utterance: SpokenUtterance): void {
    if (this.closed) return;
    this.counts.utterances += 1;
    if (this.waiting.length + (this.running ? 1 : 0) < this.maxPending) this.waiting.push(utterance);
    else if (!this.mergeIntoWaiting(utterance)) {
      // A live caption is worth more than a late one: the oldest waiting gives way to the newest.
      if (this.waiting.shift()) this.waiting.push(utterance);
      this.counts.dropped += 1;
    }
    if (!this.running) this.idle = this.drain();
  }

  /** Stops taking utterances and drops what waits; resolves when the one running is done. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    await this.idle;
  }

  private mergeIntoWaiting(utterance: SpokenUtterance): boolean {
    const last = this.waiting.at(-1);
    if (!last || last.speaker !== utterance.speaker) return false;
    if (last.samples.length + utterance.samples.length > this.maxMergedSamples) return false;
    const samples = new Int16Array(last.samples.length + utterance.samples.length);
    samples.set(last.samples);
    samples.set(utterance.samples, last.samples.length);
    this.waiting[this.waiting.length - 1] = { ...last, samples, endedAt: utterance.endedAt };
    this.counts.merged += 1;
    return true;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let next = this.waiting.shift(); next && !this.closed; next = this.waiting.shift()) {
        try {
          await this.caption(next);
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
