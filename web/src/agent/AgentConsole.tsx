import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/index.js';
import { Login, useSignedIn } from '../shared/Login.js';
import { ConsultInviteCard } from './ConsultInviteCard.js';
import { MyTasks } from './MyTasks.js';
import { OfferCard } from './OfferCard.js';
import { QueueList } from './QueueList.js';
import { SessionPanel } from './SessionPanel.js';
import { SessionTabs, ShortcutHints } from './SessionTabs.js';
import { useAgentSession } from './useAgentSession.js';
import { useConsoleShortcuts } from './useConsoleShortcuts.js';

export function AgentConsole() {
  const { t } = useTranslation();
  const [signedIn, setSignedIn] = useSignedIn('lifeline.agent');
  return (
    <div className="console">
      <header className="topbar">
        <h1>{t('agent.title')}</h1>
        {signedIn && <span>{signedIn.agent.name}</span>}
        <LanguageSwitch />
      </header>
      {signedIn ? (
        <Workspace token={signedIn.token} capacity={signedIn.agent.maxSessions} />
      ) : (
        <Login onSignedIn={setSignedIn} />
      )}
    </div>
  );
}

/** `capacity`: the agent's maxSessions (absent in a sign-in saved before it was sent). */
function Workspace({ token, capacity }: { token: string; capacity?: number }) {
  const { t } = useTranslation();
  const desk = useAgentSession(token);
  const [names, setNames] = useState<Record<string, string | undefined>>({});
  const nameOf = useCallback(
    (sessionId: string, name: string | undefined) => setNames((known) => ({ ...known, [sessionId]: name })),
    [],
  );
  useConsoleShortcuts(desk);
  return (
    <main className="workspace">
      <div className="status" role="group" aria-label={t('supervisor.status')}>
        <button
          type="button"
          data-testid="status-available"
          aria-pressed={desk.status === 'available'}
          onClick={() => desk.goStatus('available')}
        >
          {t('agent.available')}
        </button>
        <button
          type="button"
          data-testid="status-away"
          aria-pressed={desk.status === 'away'}
          onClick={() => desk.goStatus('away')}
        >
          {t('agent.away')}
        </button>
        {capacity !== undefined && (
          <span className="capacity" data-testid="capacity">
            {t('agent.capacity', { count: desk.sessions.length, max: capacity })}
          </span>
        )}
        <ShortcutHints />
      </div>
      {desk.offers.map((offer, index) => (
        <OfferCard
          key={offer.offerId}
          offer={offer}
          token={token}
          shortcuts={index === 0}
          onAccept={() => desk.accept(offer)}
          onDecline={() => desk.decline(offer)}
        />
      ))}
      {desk.invites.map((invite) => (
        <ConsultInviteCard
          key={invite.sessionId}
          invite={invite}
          onAccept={() => void desk.transfers.accept(invite)}
          onDecline={() => void desk.declineInvite(invite)}
        />
      ))}
      {desk.sessions.length > 0 && (
        <div className="sessions">
          <SessionTabs sessions={desk.sessions} focused={desk.focused} names={names} onFocus={desk.focus} />
          {desk.sessions.map((session) => (
            <SessionPanel
              key={session.sessionId}
              token={token}
              session={session}
              focused={session.sessionId === desk.focused?.sessionId}
              desk={desk}
              onName={nameOf}
            />
          ))}
        </div>
      )}
      <MyTasks token={token} />
      <QueueList token={token} />
    </main>
  );
}
