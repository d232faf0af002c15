import type { Incident } from '@lifeline/core/protocol/floor.js';
import type { ResolveIncidentReply } from '@lifeline/core/protocol/incidents.js';
import {
  CATEGORIES,
  MAX_INCIDENT_STATUS_LENGTH,
  MAX_INCIDENT_TITLE_LENGTH,
} from '@lifeline/core/protocol/vocabulary.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { LineChart } from './LineChart.js';

/**
 * Open incidents as problems: each with its reports per minute over the last hour, the status
 * its linked users see, and the controls to post a new status or resolve it. A supervisor may
 * also open one by hand.
 */
export function FloorIncidents({
  token,
  incidents,
  answeredByStatus,
}: {
  token: string;
  incidents: Incident[];
  answeredByStatus: number;
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('supervisor.incidents')} data-testid="floor-incidents">
      <h2>{t('supervisor.incidents')}</h2>
      <p data-testid="metric-answered-by-status">
        {t('incident.answeredByStatus', { count: answeredByStatus })}
      </p>
      {incidents.length === 0 && <p className="muted">{t('supervisor.none')}</p>}
      {incidents.map((incident) => (
        <IncidentCard key={incident.id} token={token} incident={incident} />
      ))}
      <OpenIncident token={token} />
    </section>
  );
}

function IncidentCard({ token, incident }: { token: string; incident: Incident }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const act = (path: 'status' | 'resolve') => {
    const body = path === 'status' ? { message: text } : { resolution: text };
    void api<ResolveIncidentReply | undefined>(`/v1/supervisor/incidents/${incident.id}/${path}`, {
      token,
      body,
    }).then(
      (reply) => {
        setText('');
        setNote(reply ? t('incident.resolvedCount', reply) : t('incident.posted'));
      },
      (caught: Error) => setNote(caught.message),
    );
  };
  return (
    <article className="incident" data-testid={`incident-${incident.id}`}>
      <h3>
        {incident.title} {incident.category && <small>· {t(`categories.${incident.category}`)}</small>}
      </h3>
      <p>
        {t('incident.counts', {
          users: incident.users,
          cases: incident.cases,
          answered: incident.answered,
          still: incident.stillNeedHelp,
        })}
      </p>
      <LineChart
        testId={`incident-chart-${incident.id}`}
        label={t('incident.chart')}
        series={[{ name: t('incident.reports'), points: incident.reportsPerMinute, colour: '#b91c1c' }]}
      />
      {incident.status && (
        <p data-testid="incident-current-status">
          {t('incident.current', { message: incident.status.message })}
        </p>
      )}
      <label>
        {t('incident.message')}
        <textarea
          data-testid="incident-text"
          value={text}
          maxLength={MAX_INCIDENT_STATUS_LENGTH}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="button" data-testid="incident-post" disabled={!text.trim()} onClick={() => act('status')}>
        {t('incident.post')}
      </button>
      <button
        type="button"
        data-testid="incident-resolve"
        disabled={!text.trim()}
        onClick={() => act('resolve')}
      >
        {t('incident.resolve')}
      </button>
      {note && <p role="status">{note}</p>}
    </article>
  );
}

function OpenIncident({ token }: { token: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<string>(CATEGORIES[0]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="open-incident"
      onSubmit={(event) => {
        event.preventDefault();
        void api('/v1/supervisor/incidents', { token, body: { title, category } }).then(
          () => setTitle(''),
          (caught: Error) => setError(caught.message),
        );
      }}
    >
      <label>
        {t('incident.title')}
        <input
          data-testid="incident-new-title"
          value={title}
          maxLength={MAX_INCIDENT_TITLE_LENGTH}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <select
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        aria-label={t('widget.category')}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </select>
      <button type="submit" data-testid="incident-open" disabled={!title.trim()}>
        {t('incident.open')}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
