import type { CallMood, MoodLabel, MoodTrend } from '../protocol/captions.js';
import type { Sentiment } from '../protocol/vocabulary.js';

/**
 * A caller's mood over a live call, from the sentiment of each thing they say. One reading is
 * noisy (a single "no" is not anger), so the mood is a moving average; the trend compares a fast
 * average with a slow one, so it turns only when several readings in a row lean the same way.
 * Pure: the caller feeds readings in order and keeps the state.
 */
export interface MoodSettings {
  /** Weight of a new reading in the mood shown (0–1). */
  alpha: number;
  /** Weight of a new reading in the fast average the trend compares (above alpha). */
  fastAlpha: number;
  /** |mood| at which it reads positive or negative rather than neutral. */
  labelThreshold: number;
  /** Fast minus slow average at which the trend reads improving or worsening. */
  trendThreshold: number;
}

export const DEFAULT_MOOD_SETTINGS: MoodSettings = {
  alpha: 0.3,
  fastAlpha: 0.6,
  labelThreshold: 0.25,
  trendThreshold: 0.15,
};

export interface MoodState {
  slow: number;
  fast: number;
  readings: number;
}

export const INITIAL_MOOD: MoodState = { slow: 0, fast: 0, readings: 0 };

const VALUE_OF: Record<Sentiment, number> = { negative: -1, neutral: 0, positive: 1 };

/** The state after one more reading. */
export function observeSentiment(
  state: MoodState,
  sentiment: Sentiment,
  settings: MoodSettings = DEFAULT_MOOD_SETTINGS,
): MoodState {
  const reading = VALUE_OF[sentiment];
  // The first reading is all there is: start both averages there rather than drifting from 0.
  if (state.readings === 0) return { slow: reading, fast: reading, readings: 1 };
  return {
    slow: state.slow + settings.alpha * (reading - state.slow),
    fast: state.fast + settings.fastAlpha * (reading - state.fast),
    readings: state.readings + 1,
  };
}

/** The mood as a caption carries it. */
export function moodOf(state: MoodState, settings: MoodSettings = DEFAULT_MOOD_SETTINGS): CallMood {
  const value = Math.max(-1, Math.min(1, state.slow));
  const label: MoodLabel =
    value <= -settings.labelThreshold
      ? 'negative'
      : value >= settings.labelThreshold
        ? 'positive'
        : 'neutral';
  const lead = state.fast - state.slow;
  const trend: MoodTrend =
    lead >= settings.trendThreshold ? 'improving' : lead <= -settings.trendThreshold ? 'worsening' : 'steady';
  return { label, value: Math.round(value * 1000) / 1000, trend, readings: state.readings };
}
