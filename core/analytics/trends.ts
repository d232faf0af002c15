import type { RisingTerm, TermCount, TrendDay } from '../protocol/analytics.js';

/**
 * When a term is "rising" on the range's last day (today, when the range ends today):
 *   share    = the last day's cases mentioning it / the last day's cases with text
 *   baseline = its mentions on the days before / those days' cases with text
 * It rises when it was mentioned in at least `minMentions` cases that day and its share is at least
 * `minLift` times the baseline; a term never seen before rises on the count alone (lift null).
 * With no days before holding any text there is no baseline, and nothing rises.
 */
export interface RisingRule {
  minMentions: number;
  minLift: number;
}

export const DEFAULT_RISING_RULE: RisingRule = { minMentions: 3, minLift: 2 };

/**
 * Words that say nothing on their own in the languages PostgreSQL has no stop list for (Indonesian,
 * Vietnamese, romanised Hindi), and greetings and politeness in any of them.
 */
export const FILLER_WORDS = [
  ...['hi', 'hello', 'hey', 'please', 'pls', 'plz', 'thanks', 'thank', 'thx', 'ok', 'okay', 'yes', 'im'],
  ...['yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'saya', 'aku', 'tidak', 'ada', 'untuk', 'dengan'],
  ...['tolong', 'sudah', 'bisa', 'akun', 'mohon', 'terima', 'kasih', 'halo'],
  ...['tôi', 'của', 'và', 'là', 'không', 'có', 'được', 'bị', 'cho', 'với', 'này', 'đã', 'xin', 'chào'],
  ...['mera', 'meri', 'mere', 'hai', 'hain', 'nahi', 'nahin', 'kya', 'ka', 'ki', 'ke', 'ko', 'se', 'aur'],
  ...['है', 'हैं', 'का', 'की', 'के', 'को', 'में', 'से', 'और', 'मेरा', 'मेरी', 'नहीं'],
];

/** Han particles and pronouns: a character pair holding one is rarely a topic (我的, 了吗, 这个). */
export const HAN_FILLER = '的了吗呢吧啊呀我你您他她它们是在也都就和与这那个么很还又把给让说得着过请';

export interface TermDayRow {
  day: string;
  term: string;
  mentions: number;
  place: number;
  before: number;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function risingOf(
  kind: RisingTerm['kind'],
  rows: readonly TermDayRow[],
  lastDay: string,
  totals: ReadonlyMap<string, number>,
  rule: RisingRule,
): RisingTerm[] {
  const lastCases = totals.get(lastDay) ?? 0;
  const casesBefore = [...totals].reduce((sum, [day, n]) => (day < lastDay ? sum + n : sum), 0);
  if (lastCases === 0 || casesBefore === 0) return [];
  const rising: RisingTerm[] = [];
  for (const row of rows) {
    if (row.day !== lastDay || row.mentions < rule.minMentions) continue;
    const share = row.mentions / lastCases;
    const baselineShare = row.before / casesBefore;
    const lift = row.before === 0 ? null : share / baselineShare;
    if (lift === null || lift >= rule.minLift)
      rising.push({
        kind,
        term: row.term,
        mentions: row.mentions,
        share: round(share),
        baselineShare: round(baselineShare),
        lift: lift === null ? null : round(lift),
      });
  }
  // New terms first, then the steepest rise, then the most mentioned.
  return rising.sort(
    (a, b) =>
      (b.lift ?? Infinity) - (a.lift ?? Infinity) || b.mentions - a.mentions || a.term.localeCompare(b.term),
  );
}

function countsOf(rows: readonly TermDayRow[], day: string, total: number, top: number): TermCount[] {
  return rows
    .filter((row) => row.day === day && row.place <= top)
    .map((row) => ({
      term: row.term,
      mentions: row.mentions,
      share: total > 0 ? round(row.mentions / total) : 0,
    }));
}

/** Every day of the range (empty ones too) with its top terms and topics, and what is rising on the last. */
export function trendsOf(
  days: readonly string[],
  rows: {
    terms: readonly TermDayRow[];
    textCases: ReadonlyMap<string, number>;
    topics: readonly TermDayRow[];
    openedCases: ReadonlyMap<string, number>;
  },
  top: number,
  rule: RisingRule,
): { days: TrendDay[]; rising: RisingTerm[] } {
  const lastDay = days[days.length - 1] ?? '';
  return {
    days: days.map((day) => ({
      day,
      cases: rows.textCases.get(day) ?? 0,
      terms: countsOf(rows.terms, day, rows.textCases.get(day) ?? 0, top),
      topics: countsOf(rows.topics, day, rows.openedCases.get(day) ?? 0, top),
    })),
    rising: [
      ...risingOf('term', rows.terms, lastDay, rows.textCases, rule),
      ...risingOf('topic', rows.topics, lastDay, rows.openedCases, rule),
    ],
  };
}

/** The local days from `from` to `to`, both included (YYYY-MM-DD, checked already). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}
