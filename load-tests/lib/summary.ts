/**
 * handleSummary for every scenario: the k6 summary as JSON, a Markdown digest beside it, and a short
 * text report on stdout. No remote jslib: these machines reach no CDN.
 */
type Metric = {
  type: string;
  contains?: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
};
export type SummaryData = { metrics: Record<string, Metric>; state: { testRunDurationMs: number } };

/** The trend statistics every scenario's summary shows. */
export const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

const fmt = (v: number | undefined, unit = '') => (v === undefined ? '—' : `${Number(v.toFixed(2))}${unit}`);

export function summaryFiles(scenario: string, data: SummaryData): Record<string, string> {
  const rows: string[] = [];
  let failed = 0;
  for (const [name, metric] of Object.entries(data.metrics).sort(([a], [b]) => a.localeCompare(b))) {
    const thresholds = Object.entries(metric.thresholds ?? {});
    for (const [, t] of thresholds) if (!t.ok) failed += 1;
    const verdict = thresholds.length === 0 ? '' : thresholds.every(([, t]) => t.ok) ? 'met' : '**missed**';
    const v = metric.values;
    const unit = metric.contains === 'time' ? ' ms' : '';
    const shown =
      metric.type === 'trend'
        ? `p50 ${fmt(v.med, unit)} · p95 ${fmt(v['p(95)'], unit)} · p99 ${fmt(v['p(99)'], unit)} · max ${fmt(v.max, unit)}`
        : metric.type === 'rate'
          ? fmt((v.rate ?? 0) * 100, '%')
          : metric.type === 'counter'
            ? `${fmt(v.count)} (${fmt(v.rate, '/s')})`
            : fmt(v.value ?? v.max);
    rows.push(
      `| ${name} | ${shown} | ${thresholds.map(([expr]) => `\`${expr}\``).join(', ')} | ${verdict} |`,
    );
  }
  const md = [
    `# Load scenario: ${scenario}`,
    '',
    `Ran ${fmt(data.state.testRunDurationMs / 1000, ' s')} against 127.0.0.1. Thresholds ${failed === 0 ? 'all met' : `missed: ${failed}`}.`,
    '',
    '| metric | value | thresholds | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  return {
    [`bench/results/${scenario}.json`]: JSON.stringify(data, null, 2),
    [`bench/results/${scenario}.md`]: md,
    stdout: `\n${md}\n`,
  };
}
