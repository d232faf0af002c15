import { LifelineError } from '../errors/LifelineError.js';
import type { AnalyticsWindowKind, BucketUnit } from '../protocol/analytics.js';

/**
 * A checked analytics window: what to count and in which buckets. The instants themselves are
 * worked out by PostgreSQL, which knows every time zone's midnights (see AnalyticsRepository).
 */
export interface AnalyticsWindow {
  kind: AnalyticsWindowKind;
  bucket: BucketUnit;
  tz: string;
  /** With `range`: the first and last local day, both counted. */
  fromDate?: string;
  toDate?: string;
}

const DAY_MS = 86_400_000;
const BUCKETS: Record<AnalyticsWindowKind, BucketUnit> = { '15m': 'minute', today: 'hour', range: 'day' };

const badWindow = (message: string) => new LifelineError('LIFELINE_ANALYTICS_WINDOW', message);

/** A real calendar day as ms since the epoch at UTC midnight, or an error naming the field. */
export function calendarDay(value: string | undefined, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) throw badWindow(`${field} must be a date, YYYY-MM-DD`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw badWindow(`${field} is not a calendar day: ${value}`);
  return ms;
}

/** The IANA zone as given, or an error: PostgreSQL would otherwise fail with a 500. */
export function checkedTimeZone(tz: string | undefined): string {
  const zone = tz ?? 'UTC';
  // Region/City names only: Intl also takes offsets such as "+05:00", which PostgreSQL reads as
  // POSIX zones with the sign inverted, so the buckets would be silently wrong.
  if (zone !== 'UTC' && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone))
    throw badWindow(`Not a Region/City time zone: ${zone.slice(0, 64)}`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw badWindow(`Unknown time zone: ${zone.slice(0, 64)}`);
  }
  return zone;
}

/** Days from `from` to `to`, both counted; an error if `to` is before `from` or the span is too long. */
export function checkedRange(from: string | undefined, to: string | undefined, maxDays: number): number {
  const first = calendarDay(from, 'from');
  const last = calendarDay(to, 'to');
  if (last < first) throw badWindow('to is before from');
  const days = (last - first) / DAY_MS + 1;
  if (days > maxDays)
    throw new LifelineError(
      'LIFELINE_RANGE_TOO_LONG',
      `A range may span at most ${maxDays} days; this one spans ${days}`,
    );
  return days;
}

export function analyticsWindow(
  query: { window: AnalyticsWindowKind; from?: string; to?: string; tz?: string },
  maxRangeDays: number,
): AnalyticsWindow {
  const tz = checkedTimeZone(query.tz);
  const bucket = BUCKETS[query.window];
  if (query.window !== 'range') {
    if (query.from !== undefined || query.to !== undefined)
      throw badWindow(`from and to go with window=range only, not window=${query.window}`);
    return { kind: query.window, bucket, tz };
  }
  checkedRange(query.from, query.to, maxRangeDays);
  return { kind: 'range', bucket, tz, fromDate: query.from!, toDate: query.to! };
}
