import { AudioFrame, type AudioSource } from '@livekit/rtc-node';
import { RTC_SAMPLE_RATE } from './rtcAudio.js';

/** One stretch of talk and the pause after it. */
export interface Burst {
  speechMs: number;
  silenceMs: number;
}

export interface SpokenBurst {
  index: number;
  startedAt: number;
  /** When the burst's last sample left the source (after its queue played out): epoch ms. */
  endedAt: number;
}

const FRAME_SAMPLES = RTC_SAMPLE_RATE / 100; // 10 ms

/**
 * Speech-like audio for captions tests and the captions bench: a voiced sound (a wandering pitch
 * with two harmonics) whose loudness rises and falls at syllable rate, in bursts with silences
 * between. Its words are nothing; its energy and rhythm are a talker's.
 */
export async function speakBursts(
  source: AudioSource,
  bursts: Burst[],
  onSpoken: (burst: SpokenBurst) => void = () => undefined,
  keepGoing: () => boolean = () => true,
): Promise<SpokenBurst[]> {
  const spoken: SpokenBurst[] = [];
  let n = 0;
  let phase = 0;
  for (const [index, burst] of bursts.entries()) {
    if (!keepGoing()) break;
    const startedAt = Date.now();
    for (let ms = 0; ms < burst.speechMs; ms += 10) {
      const samples = new Int16Array(FRAME_SAMPLES);
      for (let i = 0; i < FRAME_SAMPLES; i += 1, n += 1) {
        const t = n / RTC_SAMPLE_RATE;
        phase += (2 * Math.PI * (140 + 40 * Math.sin(2 * Math.PI * 0.7 * t))) / RTC_SAMPLE_RATE;
        const loudness = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
        const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
        samples[i] = Math.round((9000 * loudness * voiced) / 1.75);
      }
      await source.captureFrame(new AudioFrame(samples, RTC_SAMPLE_RATE, 1, FRAME_SAMPLES));
    }
    // The source queues up to a second ahead: the burst has ended when its queue has played out.
    await source.waitForPlayout();
    const done = { index, startedAt, endedAt: Date.now() };
    spoken.push(done);
    onSpoken(done);
    for (let ms = 0; ms < burst.silenceMs && keepGoing(); ms += 10)
      await source.captureFrame(
        new AudioFrame(new Int16Array(FRAME_SAMPLES), RTC_SAMPLE_RATE, 1, FRAME_SAMPLES),
      );
    // The pause is real time too, so whoever speaks next waits for it as a listener would.
    await source.waitForPlayout();
  }
  return spoken;
}
