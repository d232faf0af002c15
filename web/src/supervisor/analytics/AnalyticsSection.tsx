import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalyticsCharts } from './AnalyticsCharts.js';
import { BreakdownTable } from './BreakdownTable.js';
import { browserTimeZone, localDay } from './format.js';
import { KpiTiles } from './KpiTiles.js';
import { TrendsTable } from './TrendsTable.js';
import { analyticsQuery, trendsQuery, useFloorAnalytics, type WindowChoice } from './useFloorAnalytics.js';
import { WindowPicker } from './WindowPicker.js';
import './analytics.css';

/** The supervisor's analytics from the system of record, live over the floor-watch socket. */
export function AnalyticsSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<WindowChoice>(() => ({ window: 'today', tz: browserTimeZone() }));
  const days = useMemo(() => trendsQuery(choice, localDay(), localDay(-6)), [choice]);
  const { report, trends, error } = useFloorAnalytics(token, choice, days);
  return (
    <section className="analytics" data-testid="analytics">
      <h2>{t('analytics.title')}</h2>
      <WindowPicker value={choice} onChange={setChoice} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!report ? (
        <p>{t('analytics.loading')}</p>
      ) : (
        <>
          <KpiTiles report={report} />
          <AnalyticsCharts report={report} />
          <BreakdownTable
            report={report}
            token={token}
            csvPath={`/v1/supervisor/analytics.csv?${analyticsQuery(choice)}`}
          />
        </>
      )}
      {trends && (
        <TrendsTable trends={trends} token={token} csvPath={`/v1/supervisor/analytics/trends.csv?${days}`} />
      )}
    </section>
  );
}
