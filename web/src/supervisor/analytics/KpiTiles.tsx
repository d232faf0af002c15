import type { AnalyticsReply } from '@lifeline/core/protocol/analytics.js';
import { useTranslation } from 'react-i18next';
import { DASH, duration, percent, stars } from './format.js';

/** The window's headline figures, each with its unit. */
export function KpiTiles({ report }: { report: AnalyticsReply }) {
  const { t } = useTranslation();
  const m = report.overall;
  const tiles: [string, string, string][] = [
    [
      'kpi-service-level',
      t('analytics.serviceLevel', { seconds: report.window.serviceLevelTargetSeconds }),
      percent(m.serviceLevel),
    ],
    ['kpi-asa', t('analytics.asa'), duration(m.asaSeconds)],
    ['kpi-aht', t('analytics.aht'), duration(m.ahtSeconds)],
    ['kpi-abandonment', t('analytics.abandonment'), percent(m.abandonmentRate)],
    [
      'kpi-csat',
      t('analytics.csat'),
      m.csat.mean === null
        ? DASH
        : t('analytics.csatValue', { mean: stars(m.csat.mean), count: m.csat.count }),
    ],
    ['kpi-offered', t('analytics.offered'), String(m.offered)],
    ['kpi-answered', t('analytics.answered'), String(m.answered)],
    ['kpi-abandoned', t('analytics.abandoned'), String(m.abandoned)],
  ];
  return (
    <section className="metrics analytics-kpis">
      {tiles.map(([id, label, value]) => (
        <div key={id} data-testid={id}>
          <span>{label}</span>
          <strong>{value}</strong>
        </div>
      ))}
    </section>
  );
}
