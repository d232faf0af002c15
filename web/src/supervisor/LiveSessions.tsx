import type { ListenGrant, SupervisorOverview } from '@lifeline/core/protocol/floor.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { ListenPane } from './ListenPane.js';

type Session = SupervisorOverview['sessions'][number];

/**
 * The live sessions and the one a supervisor listens to. The floor's overview is the supervisor's
 * news of a session ending: once the session leaves it, the pane closes even if the room lingers.
 */
export function LiveSessions({ token, sessions }: { token: string; sessions: Session[] }) {
  const { t } = useTranslation();
  const [listening, setListening] = useState<{ sessionId: string; grant: ListenGrant } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = listening && sessions.some((s) => s.sessionId === listening.sessionId) ? listening : null;

  const listen = (sessionId: string) =>
    void api<ListenGrant>(`/v1/supervisor/sessions/${sessionId}/listen`, { token, body: {} }).then(
      (grant) => {
        setError(null);
        setListening({ sessionId, grant });
      },
      (caught: Error) => {
        setListening(null);
        setError(caught.message);
      },
    );
  return (
    <section>
      <h2>{t('supervisor.sessions')}</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.sessionId}>
            {new Date(s.startedAt).toLocaleTimeString()} ·{' '}
            <button
              type="button"
              data-testid="listen-in"
              aria-pressed={live?.sessionId === s.sessionId}
              onClick={() => listen(s.sessionId)}
            >
              {t('supervisor.listen')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {live && <ListenPane key={live.sessionId} grant={live.grant} onClose={() => setListening(null)} />}
    </section>
  );
}
