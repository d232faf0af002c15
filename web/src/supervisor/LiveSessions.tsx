import type { SupervisorOverview } from '@lifeline/core/protocol/floor.js';
import type { MonitorGrant, MonitorMode } from '@lifeline/core/protocol/supervision.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { ListenPane } from './ListenPane.js';

type Session = SupervisorOverview['sessions'][number];

/**
 * The live sessions and the one a supervisor listens to, coaches in or barges into. The floor's overview is the supervisor's
 * news of a session ending: once the session leaves it, the pane closes even if the room lingers.
 */
export function LiveSessions({ token, sessions }: { token: string; sessions: Session[] }) {
  const { t } = useTranslation();
  const [listening, setListening] = useState<{ sessionId: string; grant: MonitorGrant } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = listening && sessions.some((s) => s.sessionId === listening.sessionId) ? listening : null;

  const monitor = (sessionId: string, mode: MonitorMode = 'listen') =>
    void api<MonitorGrant>(`/v1/supervisor/sessions/${sessionId}/monitor`, { token, body: { mode } }).then(
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
              onClick={() => monitor(s.sessionId)}
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
      {live && (
        <ListenPane
          // A new mode is a new grant, joined from a fresh room rather than one still leaving.
          key={`${live.sessionId}:${live.grant.mode}`}
          grant={live.grant}
          onMode={(mode) => monitor(live.sessionId, mode)}
          onEnd={() => {
            setListening(null);
            // The server removes the supervisor too, whatever this page manages to do.
            void api(`/v1/supervisor/sessions/${live.sessionId}/monitor`, { method: 'DELETE', token }).catch(
              () => undefined,
            );
          }}
          onClose={() => setListening(null)}
        />
      )}
    </section>
  );
}
