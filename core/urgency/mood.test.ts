import { describe, expect, it } from 'vitest';
import type { Sentiment } from '../protocol/vocabulary.js';
import { INITIAL_MOOD, moodOf, observeSentiment, type MoodState } from './mood.js';

const after = (readings: Sentiment[], from: MoodState = INITIAL_MOOD) =>
  readings.reduce((state, sentiment) => observeSentiment(state, sentiment), from);

describe('the call mood', () => {
  it('reads neutral and steady before anything was said', () => {
    expect(moodOf(INITIAL_MOOD)).toEqual({ label: 'neutral', value: 0, trend: 'steady', readings: 0 });
  });

  it('starts at the first reading instead of drifting up from zero', () => {
    expect(moodOf(after(['negative']))).toMatchObject({ label: 'negative', value: -1, readings: 1 });
  });

  it('does not turn on one contrary reading', () => {
    const angry = after(['negative', 'negative', 'negative', 'negative']);
    expect(moodOf(after(['positive'], angry)).label).toBe('negative');
  });

  it('turns when several readings in a row lean the other way, and says it is improving first', () => {
    const angry = after(['negative', 'negative', 'negative', 'negative']);
    const calming = after(['positive', 'positive'], angry);
    expect(moodOf(calming).trend).toBe('improving');
    expect(moodOf(calming).value).toBeGreaterThan(moodOf(angry).value);
    const calm = after(['positive', 'positive', 'positive', 'positive', 'positive', 'positive'], calming);
    expect(moodOf(calm).label).toBe('positive');
  });

  it('says worsening when a calm caller starts complaining', () => {
    const calm = after(['neutral', 'positive', 'neutral']);
    expect(moodOf(after(['negative', 'negative'], calm)).trend).toBe('worsening');
  });

  it('settles back to steady when the readings stop changing', () => {
    const settled = after(Array<Sentiment>(20).fill('negative'), after(['positive']));
    expect(moodOf(settled)).toMatchObject({ label: 'negative', trend: 'steady', readings: 21 });
  });

  it('stays within −1…+1 and counts every reading', () => {
    const mood = moodOf(after(Array<Sentiment>(50).fill('positive')));
    expect(mood.value).toBeLessThanOrEqual(1);
    expect(mood.value).toBeGreaterThan(0.99);
    expect(mood.readings).toBe(50);
  });
});
