import { summaryFiles, type SummaryData } from './summary.ts';

const value = (data: SummaryData, metric: string, stat: string) => data.metrics[metric]?.values[stat];
const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)} ms`);
const ratio = (surge: number | undefined, before: number | undefined) =>
  surge === undefined || before === undefined || before === 0 ? '—' : `${(surge / before).toFixed(2)}×`;

/** The k6 summary of the crisis scenario, with the figures as a table of their own. */
export function crisisSummary(data: SummaryData): Record<string, string> {
  const files = summaryFiles('crisis', data);
  const before = 'critical_time_to_pair{phase:before}';
  const surge = 'critical_time_to_pair{phase:surge}';
  const count = (metric: string) => value(data, metric, 'count') ?? 0;
  const rows = [
    [
      'incident opened after the surge began',
      `${(value(data, 'incident_open_s', 'max') ?? NaN).toFixed(1)} s`,
    ],
    [
      'status reached live reporters, p50 / p99',
      `${ms(value(data, 'status_reach_ms', 'med'))} / ${ms(value(data, 'status_reach_ms', 'p(99)'))}`,
    ],
    ['reporters', `${count('reporters')}`],
    ['… told the status in the create reply', `${count('reporters_told_at_create')}`],
    ['… told it live on their socket', `${count('reporters_told_live')}`],
    ['… answered by the status, no agent', `${count('reporters_answered_by_status')}`],
    [
      'critical time to pair before, p50 / p99',
      `${ms(value(data, before, 'med'))} / ${ms(value(data, before, 'p(99)'))}`,
    ],
    [
      'critical time to pair in the surge, p50 / p99',
      `${ms(value(data, surge, 'med'))} / ${ms(value(data, surge, 'p(99)'))}`,
    ],
    [
      'surge ÷ before, p50 / p99 (goal ≤ 2×)',
      `${ratio(value(data, surge, 'med'), value(data, before, 'med'))} / ${ratio(value(data, surge, 'p(99)'), value(data, before, 'p(99)'))}`,
    ],
    ['API resident memory, max', `${(value(data, 'api_rss_mb', 'max') ?? NaN).toFixed(0)} MB`],
  ];
  const table = [
    '',
    '## Crisis figures',
    '',
    '| figure | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
  return {
    ...files,
    'bench/results/crisis.md': `${files['bench/results/crisis.md']}${table}`,
    stdout: `${files.stdout}${table}\n`,
  };
}
