import type { SupervisorOverview } from '@lifeline/core/protocol/floor.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/index.js';
import { api } from '../shared/api.js';
import { Login, useSignedIn } from '../shared/Login.js';
import { AnalyticsSection } from './analytics/AnalyticsSection.js';
import { AssistantCard } from './AssistantCard.js';
import { FloorIncidents } from './FloorIncidents.js';
import { FloorTasks } from './FloorTasks.js';
import { LiveSessions } from './LiveSessions.js';
import { RoutingAlerts } from './RoutingAlerts.js';
import { LineChart } from './LineChart.js';

const POLL_MS = 2000;
const HISTORY = 90;
const pct = (v: number) => `${Math.round(v * 100)}%`;

export function SupervisorPage() {
  const { t } = useTranslation();
  const [signedIn, setSignedIn] = useSignedIn('lifeline.supervisor');
  return (
    <div className="console">
      <header className="topbar">
        <h1>{t('supervisor.title')}</h1>
        <a href="/supervisor/kb" data-testid="kb-link">
          {t('kb.title')}
        </a>
        <LanguageSwitch />
      </header>
      {signedIn ? <Floor token={signedIn.token} /> : <Login onSignedIn={setSignedIn} />}
    </div>
  );
}

function Floor({ token }: { token: string }) {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<SupervisorOverview | null>(null);
  const [history, setHistory] = useState<{ waiting: number[]; asa: number[] }>({ waiting: [], asa: [] });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      api<SupervisorOverview>('/v1/supervisor/overview', { token }).then(
        (next) => {
          setOverview(next);
          setHistory((h) => ({
            waiting: [...h.waiting, next.waiting.total].slice(-HISTORY),
            asa: [...h.asa, next.metrics.asaSeconds].slice(-HISTORY),
          }));
        },
        (caught: Error) => setError(caught.message),
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [token]);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!overview) return null;
  const { metrics } = overview;
  return (
    <main className="floor">
      <section className="metrics">
        <div data-testid="metric-asa">
          <span>{t('supervisor.asa')}</span>
          <strong>{metrics.asaSeconds.toFixed(1)} s</strong>
        </div>
        <div data-testid="metric-aht">
          <span>{t('supervisor.aht')}</span>
          <strong>{metrics.ahtSeconds.toFixed(1)} s</strong>
        </div>
        <div data-testid="metric-abandonment">
          <span>{t('supervisor.abandonment')}</span>
          <strong>{pct(metrics.abandonmentRate)}</strong>
        </div>
        {/* Callbacks apart from abandonment: a callback nobody answered is not a user who left. */}
        <div data-testid="metric-callbacks">
          <span>{t('supervisor.callbacks')}</span>
          <strong>{t('supervisor.callbackCounts', overview.callbacks)}</strong>
        </div>
        <div data-testid="metric-service-level">
          <span>{t('supervisor.serviceLevel', { seconds: metrics.serviceLevelTargetSeconds })}</span>
          <strong>{pct(metrics.serviceLevel)}</strong>
        </div>
        <div data-testid="metric-waiting">
          <span>{t('supervisor.waiting')}</span>
          <strong>{overview.waiting.total}</strong>
        </div>
      </section>
      <section className="split">
        <LineChart
          testId="chart-queue"
          label={t('supervisor.queueChart')}
          series={[{ name: t('supervisor.waiting'), points: history.waiting, colour: '#c2410c' }]}
        />
        <LineChart
          testId="chart-asa"
          label={t('supervisor.asaChart')}
          series={[{ name: t('supervisor.asa'), points: history.asa, colour: '#2563eb' }]}
        />
      </section>
      <section className="split">
        <div>
          <h2>{t('supervisor.byLevel')}</h2>
          <ul>
            {Object.entries(overview.waiting.byLevel).map(([level, n]) => (
              <li key={level}>
                {t(`levels.${level}`)}: {n}
              </li>
            ))}
          </ul>
          <h2>{t('supervisor.byCategory')}</h2>
          <ul>
            {Object.entries(overview.waiting.byCategory).map(([category, n]) => (
              <li key={category}>
                {t(`categories.${category}`)}: {n}
              </li>
            ))}
          </ul>
        </div>
        <AssistantCard counts={overview.assistant} />
      </section>
      <AnalyticsSection token={token} />
      <FloorIncidents
        token={token}
        incidents={overview.incidents}
        answeredByStatus={overview.answeredByStatus}
      />
      <RoutingAlerts alerts={overview.routingAlerts} />
      <FloorTasks token={token} tasks={overview.tasks} agents={overview.agents} />
      <section>
        <h2>{t('supervisor.agents')}</h2>
        <table data-testid="agent-states">
          <thead>
            <tr>
              <th>{t('supervisor.agents')}</th>
              <th>{t('supervisor.status')}</th>
              <th>{t('supervisor.load')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.agents
              .filter((a) => a.role === 'agent')
              .map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.status}</td>
                  <td>
                    {a.load}/{a.maxSessions}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <LiveSessions token={token} sessions={overview.sessions} />
    </main>
  );
}
