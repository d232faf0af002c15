import type { AnalyticsReply, BreakdownRow } from '@lifeline/core/protocol/analytics.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/languageName.js';
import { CsvDownload } from './CsvDownload.js';
import { DASH, duration, percent, stars } from './format.js';

const DIMENSIONS = ['queue', 'category', 'language', 'agent'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** The window's figures by queue, category, language or agent, with the table as CSV. */
export function BreakdownTable({
  report,
  token,
  csvPath,
}: {
  report: AnalyticsReply;
  token: string;
  csvPath: string;
}) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<Dimension>('queue');
  const label = (row: BreakdownRow) =>
    by === 'language'
      ? languageName(row.key, i18n.language)
      : by === 'category' || report.queueSource === 'category'
        ? t(`categories.${row.key}`, { defaultValue: row.key })
        : row.key;
  const csat = (c: { mean: number | null; count: number }) =>
    c.mean === null ? DASH : `${stars(c.mean)} (${c.count})`;
  return (
    <section className="analytics-breakdown">
      <h3>
        {t('analytics.breakdown')}{' '}
        <label>
          {t('analytics.by')}{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as Dimension)} data-testid="breakdown-by">
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`analytics.${d}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <CsvDownload path={csvPath} token={token} testId="analytics-csv" />
      </h3>
      {by === 'queue' && report.queueSource === 'category' && (
        <p className="hint">{t('analytics.queueIsCategory')}</p>
      )}
      <table data-testid="breakdown-table">
        <thead>
          <tr>
            <th>{t(`analytics.${by}`)}</th>
            {by !== 'agent' && <th>{t('analytics.offered')}</th>}
            <th>{t('analytics.answered')}</th>
            {by !== 'agent' && <th>{t('analytics.abandoned')}</th>}
            {by !== 'agent' && (
              <th>{t('analytics.serviceLevel', { seconds: report.window.serviceLevelTargetSeconds })}</th>
            )}
            <th>{t('analytics.asa')}</th>
            {by !== 'agent' && <th>{t('analytics.abandonment')}</th>}
            <th>{t('analytics.handled')}</th>
            <th>{t('analytics.aht')}</th>
            <th>{t('analytics.csat')}</th>
          </tr>
        </thead>
        <tbody>
          {by === 'agent'
            ? report.breakdown.agent.map((a) => (
                <tr key={a.agentId}>
                  <td>{a.name}</td>
                  <td>{a.answered}</td>
                  <td>{duration(a.asaSeconds)}</td>
                  <td>{a.handled}</td>
                  <td>{duration(a.ahtSeconds)}</td>
                  <td>{csat(a.csat)}</td>
                </tr>
              ))
            : report.breakdown[by].map((row) => (
                <tr key={row.key}>
                  <td>{label(row)}</td>
                  <td>{row.offered}</td>
                  <td>{row.answered}</td>
                  <td>{row.abandoned}</td>
                  <td>{percent(row.serviceLevel)}</td>
                  <td>{duration(row.asaSeconds)}</td>
                  <td>{percent(row.abandonmentRate)}</td>
                  <td>{row.handled}</td>
                  <td>{duration(row.ahtSeconds)}</td>
                  <td>{csat(row.csat)}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </section>
  );
}
