import type { RoutingAlert } from '@lifeline/core/protocol/floor.js';
import { useTranslation } from 'react-i18next';
import { RoutingReasons } from '../agent/RoutingReasons.js';

/** Waiting requests a routing policy step escalated to the supervisors, newest first. */
export function RoutingAlerts({ alerts }: { alerts: readonly RoutingAlert[] }) {
  const { t } = useTranslation();
  return (
    <section data-testid="routing-alerts">
      <h2>{t('routing.alerts')}</h2>
      {alerts.length === 0 ? (
        <p className="muted">{t('routing.noAlerts')}</p>
      ) : (
        <ul>
          {alerts.map((alert) => (
            <li key={`${alert.requestId}:${alert.at}`}>
              <time dateTime={alert.at}>{new Date(alert.at).toLocaleTimeString()}</time>{' '}
              {t('routing.alertLine', {
                queue: alert.queue,
                category: t(`categories.${alert.category}`),
                language: alert.language,
                seconds: alert.waitedSeconds,
              })}
              <RoutingReasons reasons={alert.reasons} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
