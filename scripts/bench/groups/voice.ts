import { atMost, figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchVoicePipeline } from '../voice.js';

const GOALS = { voiceOverheadRatio: 1.1 };

export const voice: BenchGroup = {
  title: 'voice pipeline against whisper.cpp alone (a few runs; each transcribes 20 s of audio)',
  run: async ({ progress }) => {
    const result = await benchVoicePipeline({ audioSeconds: 20, runs: 5, onProgress: progress });
    return {
      figures: [
        figure({
          name: 'voice pipeline overhead',
          value: result.ratio,
          unit: '× whisper alone',
          goal: atMost(GOALS.voiceOverheadRatio),
          baseline: `pipeline ${result.pipelineMs} ms vs whisper.cpp ${result.whisperMs} ms (medians)`,
        }),
        figure({
          name: 'whisper real-time factor',
          value: result.realTimeFactor,
          unit: '× audio length',
          goal: REPORT_ONLY,
          baseline: `${result.model}, ${result.threads} threads, ${result.audioSeconds} s audio`,
        }),
      ],
      raw: { voice: result },
    };
  },
};
