import { describe, expect, it } from 'vitest';
import { analyticsWindow, calendarDay, checkedRange } from './window.js';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'none';
};

describe('analytics windows', () => {
  it('buckets 15 minutes by minute, today by hour and a range by day', () => {
    expect(analyticsWindow({ window: '15m' }, 31)).toEqual({ kind: '15m', bucket: 'minute', tz: 'UTC' });
    expect(analyticsWindow({ window: 'today', tz: 'Asia/Shanghai' }, 31).bucket).toBe('hour');
    expect(analyticsWindow({ window: 'range', from: '2026-02-27', to: '2026-03-01' }, 31)).toMatchObject({
      bucket: 'day',
      fromDate: '2026-02-27',
      toDate: '2026-03-01',
    });
  });

  it('takes real calendar days only', () => {
    expect(calendarDay('2028-02-29', 'from')).toBe(Date.UTC(2028, 1, 29));
    expect(codeOf(() => calendarDay('2026-02-29', 'from'))).toBe('LIFELINE_ANALYTICS_WINDOW');
    expect(codeOf(() => calendarDay('2026-2-1', 'from'))).toBe('LIFELINE_ANALYTICS_WINDOW');
  });

  it('counts both ends of a range and refuses one too long, reversed or half given', () => {
    expect(checkedRange('2026-03-01', '2026-03-31', 31)).toBe(31);
    expect(codeOf(() => checkedRange('2026-03-01', '2026-04-01', 31))).toBe('LIFELINE_RANGE_TOO_LONG');
    expect(codeOf(() => checkedRange('2026-03-02', '2026-03-01', 31))).toBe('LIFELINE_ANALYTICS_WINDOW');
    expect(codeOf(() => analyticsWindow({ window: 'range', from: '2026-03-01' }, 31))).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
  });

  it('refuses an unknown time zone and dates with a window that has its own', () => {
    // An offset is not a zone name: PostgreSQL would read it as POSIX, with the sign inverted.
    expect(codeOf(() => analyticsWindow({ window: '15m', tz: '+05:00' }, 31))).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(analyticsWindow({ window: '15m', tz: 'Etc/GMT+8' }, 31).tz).toBe('Etc/GMT+8');
    expect(codeOf(() => analyticsWindow({ window: '15m', tz: 'Mars/Olympus' }, 31))).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
    expect(codeOf(() => analyticsWindow({ window: 'today', to: '2026-03-01' }, 31))).toBe(
      'LIFELINE_ANALYTICS_WINDOW',
    );
  });
});
