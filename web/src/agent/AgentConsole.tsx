import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/index.js';
import { CallView } from '../shared/CallView.js';
import { ChatPanel } from '../shared/ChatPanel.js';
import { Login, useSignedIn } from '../shared/Login.js';
import { useConversation } from '../shared/useConversation.js';
import { OfferCard } from './OfferCard.js';
import { QueueList } from './QueueList.js';
import { SidePanels } from './SidePanels.js';
import { useAgentSession } from './useAgentSession.js';
import { WrapUp } from './WrapUp.js';

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
      {signedIn ? <Workspace token={signedIn.token} /> : <Login onSignedIn={setSignedIn} />}
    </div>
  );
}

function Workspace({ token }: { token: string }) {
  const { t } = useTranslation();
  const agent = useAgentSession(token);
  const conversation = useConversation(agent.socket, agent.session?.requestId, token, 'agent');
  return (
    <main className="workspace">
      <div className="status" role="group" aria-label={t('supervisor.status')}>
        <button
          type="button"
          data-testid="status-available"
          aria-pressed={agent.status === 'available'}
          onClick={() => agent.goStatus('available')}
        >
          {t('agent.available')}
        </button>
        <button
          type="button"
          data-testid="status-away"
          aria-pressed={agent.status === 'away'}
          onClick={() => agent.goStatus('away')}
        >
          {t('agent.away')}
        </button>
      </div>
      {agent.offers.map((offer) => (
        <OfferCard
          key={offer.offerId}
          offer={offer}
          token={token}
          onAccept={() => agent.accept(offer)}
          onDecline={() => agent.decline(offer)}
        />
      ))}
      {agent.session && (
        <div className="in-call">
          {agent.session.livekitUrl && agent.session.token ? (
            <CallView
              livekitUrl={agent.session.livekitUrl}
              token={agent.session.token}
              video={agent.session.media === 'video'}
              onHangUp={agent.session.channel === 'call' ? agent.hangUp : agent.stopCall}
              conversation={conversation}
            />
          ) : (
            <section className="conversation" data-testid="agent-conversation">
              <div className="controls">
                <button type="button" data-testid="start-audio" onClick={() => agent.startCall('audio')}>
                  {t('call.startAudio')}
                </button>
                <button type="button" data-testid="start-video" onClick={() => agent.startCall('video')}>
                  {t('call.startVideo')}
                </button>
                <button type="button" className="danger" data-testid="call-end" onClick={agent.hangUp}>
                  {t('call.endConversation')}
                </button>
              </div>
              <ChatPanel conversation={conversation} />
            </section>
          )}
          <SidePanels
            token={token}
            request={agent.session.request}
            onSend={(text) => conversation.say(text)}
          />
        </div>
      )}
      {agent.wrapUp && !agent.session && (
        <WrapUp onSubmit={(...wrapUp) => void agent.finishWrapUp(...wrapUp)} />
      )}
      <QueueList token={token} />
    </main>
  );
}
