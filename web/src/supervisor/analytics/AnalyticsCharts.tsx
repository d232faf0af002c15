import type { AnalyticsReply } from '@lifeline/core/protocol/analytics.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeSeriesChart, type ChartScale, type ChartSeries } from './TimeSeriesChart.js';

/** Volume, service level with speed of answer, and incidents, per bucket of the window. */
export function AnalyticsCharts({ report }: { report: AnalyticsReply }) {
  const { t } = useTranslation();
  const { window: w, series, incidents } = report;
  const bucket = t(`analytics.bucket_${w.bucket}`);
  const timeLabel = t('analytics.timeAxis', { tz: w.tz });
  const starts = useMemo(() => series.map((p) => p.start), [series]);
  const noCalls = series.every((p) => p.offered === 0) ? t('analytics.noCalls') : null;
  const noIncidents = incidents.every((p) => p.opened === 0 && p.linkedReports === 0)
    ? t('analytics.noIncidents')
    : null;

  const volume = useMemo<[ChartSeries[], ChartScale[]]>(
    () => [
      [
        {
          label: t('analytics.offered'),
          values: series.map((p) => p.offered),
          colour: '#2563eb',
          scale: 'count',
        },
        {
          label: t('analytics.answered'),
          values: series.map((p) => p.answered),
          colour: '#15803d',
          scale: 'count',
        },
        {
          label: t('analytics.abandoned'),
          values: series.map((p) => p.abandoned),
          colour: '#c2410c',
          scale: 'count',
        },
      ],
      [{ key: 'count', label: t('analytics.countAxis') }],
    ],
    [series, t],
  );
  const service = useMemo<[ChartSeries[], ChartScale[]]>(
    () => [
      [
        {
          label: t('analytics.serviceLevel', { seconds: w.serviceLevelTargetSeconds }),
          values: series.map((p) => (p.serviceLevel === null ? null : p.serviceLevel * 100)),
          colour: '#15803d',
          scale: 'percent',
        },
        {
          label: t('analytics.asa'),
          values: series.map((p) => p.asaSeconds),
          colour: '#7c3aed',
          scale: 'seconds',
        },
      ],
      [
        { key: 'percent', label: t('analytics.percentAxis'), range: [0, 100] },
        { key: 'seconds', label: t('analytics.secondsAxis') },
      ],
    ],
    [series, t, w.serviceLevelTargetSeconds],
  );
  const incidentLines = useMemo<[ChartSeries[], ChartScale[]]>(
    () => [
      [
        {
          label: t('analytics.opened'),
          values: incidents.map((p) => p.opened),
          colour: '#b91c1c',
          scale: 'count',
        },
        {
          label: t('analytics.linkedReports'),
          values: incidents.map((p) => p.linkedReports),
          colour: '#a16207',
          scale: 'count',
        },
      ],
      [{ key: 'count', label: t('analytics.incidentAxis') }],
    ],
    [incidents, t],
  );

  const chart = (
    testId: string,
    title: string,
    [lines, scales]: [ChartSeries[], ChartScale[]],
    empty: string | null,
  ) => (
    <TimeSeriesChart
      testId={testId}
      title={title}
      timeLabel={timeLabel}
      tz={w.tz}
      starts={starts}
      series={lines}
      scales={scales}
      empty={empty}
    />
  );
  return (
    <section className="analytics-charts">
      {chart('chart-volume', t('analytics.volumeChart', { bucket }), volume, noCalls)}
      {chart('chart-service', t('analytics.serviceChart', { bucket }), service, noCalls)}
      {chart('chart-incidents', t('analytics.incidentChart', { bucket }), incidentLines, noIncidents)}
    </section>
  );
}
