import { describe, expect, it } from 'vitest';
import { DEFAULT_CUTTER, UtteranceCutter, type Utterance } from './UtteranceCutter.js';

const FRAME = 160; // 10 ms at 16 kHz
const tone = () => Int16Array.from({ length: FRAME }, (_, i) => Math.round(6000 * Math.sin(i / 3)));
const quiet = () => new Int16Array(FRAME);

/** Feeds `ms` of speech or silence from `at`, 10 ms a frame; returns the time after it. */
function feed(cutter: UtteranceCutter, kind: 'speech' | 'silence', ms: number, at: number): number {
  for (let t = 0; t < ms; t += 10) cutter.push(kind === 'speech' ? tone() : quiet(), (at += 10));
  return at;
}

function cutterFor(overrides: Partial<typeof DEFAULT_CUTTER> = {}) {
  const cut: Utterance[] = [];
  return { cut, cutter: new UtteranceCutter({ ...DEFAULT_CUTTER, ...overrides }, (u) => cut.push(u)) };
}

describe('cutting a party’s audio into utterances', () => {
  it('closes an utterance after the silence that follows it, ending at its last voiced frame', () => {
    const { cut, cutter } = cutterFor();
    let at = feed(cutter, 'silence', 500, 1_000);
    at = feed(cutter, 'speech', 1_000, at);
    const lastVoiced = at;
    feed(cutter, 'silence', 590, at);
    expect(cut).toHaveLength(0);
    feed(cutter, 'silence', 20, at + 590);
    expect(cut).toHaveLength(1);
    expect(cut[0]!.endedAt).toBe(lastVoiced);
    // Speech plus 200 ms of pre-roll and 100 ms kept after the last word; the silence is trimmed.
    expect(cut[0]!.samples.length).toBe(16 * (1_000 + 200 + 100));
    expect(cut[0]!.startedAt).toBeCloseTo(1_500 - 200, -1);
  });

  it('cuts long speech at the longest window, so a monologue is captioned while it goes on', () => {
    const { cut, cutter } = cutterFor({ maxUtteranceMs: 2_000 });
    feed(cutter, 'speech', 5_000, 0);
    expect(cut.length).toBe(2);
    for (const u of cut) expect(u.endedAt - u.startedAt).toBeLessThanOrEqual(2_000 + 10);
  });

  it('ignores clicks shorter than the least speech worth captioning', () => {
    const { cut, cutter } = cutterFor({ minSpeechMs: 60 });
    let at = feed(cutter, 'speech', 30, 0);
    at = feed(cutter, 'silence', 700, at);
    expect(cut).toHaveLength(0);
    feed(cutter, 'speech', 80, at);
    cutter.flush();
    expect(cut).toHaveLength(1);
  });

  it('hands over what was being said when the track ends mid-utterance', () => {
    const { cut, cutter } = cutterFor();
    feed(cutter, 'speech', 300, 0);
    cutter.flush();
    cutter.flush();
    expect(cut).toHaveLength(1);
  });

  it('treats a quiet line as silence', () => {
    const { cut, cutter } = cutterFor();
    const hiss = () => Int16Array.from({ length: FRAME }, (_, i) => (i % 2 ? 80 : -80));
    for (let at = 0; at < 3_000; at += 10) cutter.push(hiss(), at);
    cutter.flush();
    expect(cut).toHaveLength(0);
  });
});
