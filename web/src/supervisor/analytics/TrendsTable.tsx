import type { TrendsReply } from '@lifeline/core/protocol/analytics.js';
import { useTranslation } from 'react-i18next';
import { CsvDownload } from './CsvDownload.js';

/** Each day's top terms and topics, newest first, with what rose on the last day marked. */
export function TrendsTable({
  trends,
  token,
  csvPath,
}: {
  trends: TrendsReply;
  token: string;
  csvPath: string;
}) {
  const { t } = useTranslation();
  const rising = new Map(trends.rising.map((r) => [`${r.kind}:${r.term}`, r]));
  const mark = (kind: 'term' | 'topic', term: string, day: string) => {
    const rise = day === trends.to ? rising.get(`${kind}:${term}`) : undefined;
    if (!rise) return null;
    return (
      <mark className="rising" title={t('analytics.risingMark')}>
        ↑ {rise.lift === null ? t('analytics.newTerm') : `×${rise.lift.toFixed(1)}`}
      </mark>
    );
  };
  const days = [...trends.days].reverse();
  return (
    <section className="analytics-trends">
      <h3>
        {t('analytics.trends')} <CsvDownload path={csvPath} token={token} testId="trends-csv" />
      </h3>
      <p className="hint">{t('analytics.trendsHint', trends.rule)}</p>
      {trends.rising.length > 0 && (
        <p data-testid="rising-terms">
          {t('analytics.rising')}:{' '}
          {trends.rising.map((r) => (
            <span key={`${r.kind}:${r.term}`} className="rising-term">
              {r.kind === 'topic' ? t(`categories.${r.term}`, { defaultValue: r.term }) : r.term} (
              {r.mentions}){' '}
            </span>
          ))}
        </p>
      )}
      {days.every((d) => d.cases === 0 && d.topics.length === 0) ? (
        <p className="empty">{t('analytics.noTrends')}</p>
      ) : (
        <table data-testid="trends-table">
          <thead>
            <tr>
              <th>{t('analytics.day')}</th>
              <th>{t('analytics.cases')}</th>
              <th>{t('analytics.terms')}</th>
              <th>{t('analytics.topics')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <td>{day.day}</td>
                <td>{day.cases}</td>
                <td>
                  {day.terms.map((term) => (
                    <span key={term.term} className="term">
                      {term.term} ({term.mentions}){mark('term', term.term, day.day)}{' '}
                    </span>
                  ))}
                </td>
                <td>
                  {day.topics.map((topic) => (
                    <span key={topic.term} className="term">
                      {t(`categories.${topic.term}`, { defaultValue: topic.term })} ({topic.mentions})
                      {mark('topic', topic.term, day.day)}{' '}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
