import { describe, expect, it } from 'vitest';
import { daysBetween, trendsOf, type TermDayRow } from './trends.js';

const row = (day: string, term: string, mentions: number, before: number, place = 1): TermDayRow => ({
  day,
  term,
  mentions,
  before,
  place,
});
const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
const totals = new Map([
  ['2026-01-01', 10],
  ['2026-01-02', 10],
  ['2026-01-03', 10],
]);
const trends = (terms: TermDayRow[], cases = totals) =>
  trendsOf(days, { terms, textCases: cases, topics: [], openedCases: new Map() }, 10, {
    minMentions: 3,
    minLift: 2,
  });

describe('rising terms', () => {
  it('rise at twice their baseline share with enough mentions; new ones rise on the count alone', () => {
    const { rising } = trends([
      row('2026-01-03', 'crash', 4, 2),
      row('2026-01-03', 'payout', 3, 4),
      row('2026-01-03', 'refund', 3, 0),
      row('2026-01-03', 'ban', 2, 0),
    ]);
    // crash: 0.4 against 2/20 = 0.1, lift 4; payout: 0.3 against 0.2, lift 1.5; ban: too few.
    expect(rising.map((r) => [r.term, r.lift])).toEqual([
      ['refund', null],
      ['crash', 4],
    ]);
  });

  it('need days before with text to rise against', () => {
    expect(trends([row('2026-01-03', 'crash', 5, 0)], new Map([['2026-01-03', 5]])).rising).toEqual([]);
  });

  it('lists every day of the range, the empty ones too', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(trends([]).days.map((d) => [d.day, d.cases, d.terms.length])).toEqual([
      ['2026-01-01', 10, 0],
      ['2026-01-02', 10, 0],
      ['2026-01-03', 10, 0],
    ]);
  });
});
