import { toCsv, type CsvCell } from '../../core/analytics/csv.js';
import type { AnalyticsReply, MetricSet, TrendsReply } from '../../core/protocol/analytics.js';

/** Seconds and shares as a spreadsheet reads them: plain numbers, empty when there is nothing to divide. */
const fixed = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

const metricCells = (m: MetricSet): CsvCell[] => [
  m.offered,
  m.answered,
  m.abandoned,
  m.cancelled,
  fixed(m.serviceLevel, 4),
  fixed(m.asaSeconds, 1),
  fixed(m.abandonmentRate, 4),
  m.handled,
  fixed(m.ahtSeconds, 1),
  fixed(m.csat.mean, 2),
  m.csat.count,
];

const METRIC_HEADER = [
  'offered',
  'answered',
  'abandoned',
  'cancelled',
  'service_level',
  'asa_seconds',
  'abandonment_rate',
  'handled',
  'aht_seconds',
  'csat_mean',
  'csat_count',
];

/** The breakdown table: one line overall, then one per queue, category, language and agent. */
export function breakdownCsv(reply: AnalyticsReply): string {
  const { breakdown } = reply;
  const rows: CsvCell[][] = [
    ['overall', 'all', ...metricCells(reply.overall)],
    ...(['queue', 'category', 'language'] as const).flatMap((dimension) =>
      breakdown[dimension].map((row) => [dimension, row.key, ...metricCells(row)]),
    ),
    ...breakdown.agent.map((a) => [
      'agent',
      a.name,
      null,
      a.answered,
      null,
      null,
      null,
      fixed(a.asaSeconds, 1),
      null,
      a.handled,
      fixed(a.ahtSeconds, 1),
      fixed(a.csat.mean, 2),
      a.csat.count,
    ]),
  ];
  return toCsv(['dimension', 'key', ...METRIC_HEADER], rows);
}

/** Every day's top terms and topics, each marked when it is rising on the last day. */
export function trendsCsv(reply: TrendsReply): string {
  const rising = new Map(reply.rising.map((r) => [`${r.kind}:${r.term}`, r]));
  const rows: CsvCell[][] = reply.days.flatMap((day) =>
    (['term', 'topic'] as const).flatMap((kind) =>
      day[kind === 'term' ? 'terms' : 'topics'].map((count) => {
        const rise = day.day === reply.to ? rising.get(`${kind}:${count.term}`) : undefined;
        return [day.day, kind, count.term, count.mentions, count.share, rise ? 'yes' : 'no', rise?.lift];
      }),
    ),
  );
  const last = reply.days.find((day) => day.day === reply.to);
  const listed = new Set([
    ...(last?.terms ?? []).map((t) => `term:${t.term}`),
    ...(last?.topics ?? []).map((t) => `topic:${t.term}`),
  ]);
  // A rising term below the day's top still belongs in the export.
  for (const [key, r] of rising)
    if (!listed.has(key)) rows.push([reply.to, r.kind, r.term, r.mentions, r.share, 'yes', r.lift]);
  return toCsv(['day', 'kind', 'term', 'mentions', 'share', 'rising', 'lift'], rows);
}

/** A download's name: what it is and the window, nothing a user wrote. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`;
}
