/** Figures with their units; null (nothing to divide by) shows as a dash, never as 0. */
export const DASH = '—';

export const percent = (share: number | null) => (share === null ? DASH : `${(share * 100).toFixed(1)} %`);

/** Seconds under two minutes as seconds, longer ones as minutes: ASA is seconds, AHT minutes. */
export function duration(seconds: number | null): string {
  if (seconds === null) return DASH;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

export const stars = (mean: number | null) => (mean === null ? DASH : mean.toFixed(2));

/** Today in the browser's zone, as the date inputs and the API read it. */
export function localDay(offsetDays = 0, now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
