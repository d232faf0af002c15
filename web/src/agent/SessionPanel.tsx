import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CallView } from '../shared/CallView.js';
import { ChatPanel } from '../shared/ChatPanel.js';
import { useConversation } from '../shared/useConversation.js';
import { useCustomer } from './CustomerPanel.js';
import { SessionContext } from './SessionContext.js';
import { panelId } from './SessionTabs.js';
import { SidePanels } from './SidePanels.js';
import { tabId } from './useConsoleShortcuts.js';
import type { DeskSession, useAgentSession } from './useAgentSession.js';
import { audibleTo } from './transfers.js';
import { TransferPanel } from './TransferPanel.js';
import { WrapUp } from './WrapUp.js';

type Desk = ReturnType<typeof useAgentSession>;

/**
 * One session's tab: its context, its call or conversation, the panels beside it, and its wrap-up
 * once it ended. Every tab stays mounted, so each call keeps its room while another is in focus.
 */
export function SessionPanel({
  token,
  session,
  focused,
  desk,
  onName,
}: {
  token: string;
  session: DeskSession;
  focused: boolean;
  desk: Desk;
  onName: (sessionId: string, name: string | undefined) => void;
}) {
  const { sessionId, ready, request } = session;
  const conversation = useConversation(desk.socket, session.requestId, token, 'agent');
  const customer = useCustomer(token, session.requestId);
  const name = customer.customer?.profile.name ?? undefined;
  useEffect(() => onName(sessionId, name), [onName, sessionId, name]);
  return (
    <section
      id={panelId(sessionId)}
      role="tabpanel"
      aria-labelledby={tabId(sessionId)}
      className="session-panel"
      data-testid="session-panel"
      hidden={!focused}
    >
      <SessionContext request={request} name={name} />
      {session.consult ? (
        <ConsultBanner session={session} desk={desk} />
      ) : (
        !session.endedReason && <TransferPanel token={token} session={session} desk={desk} />
      )}
      {session.endedReason ? (
        <WrapUp onSubmit={(...wrapUp) => void desk.finishWrapUp(sessionId, ...wrapUp)} />
      ) : (
        <div className="in-call">
          {ready.livekitUrl && ready.token ? (
            <CallView
              livekitUrl={ready.livekitUrl}
              token={ready.token}
              video={ready.media === 'video'}
              onHold={!focused}
              onHangUp={() =>
                session.consult
                  ? void desk.transfers.leave(sessionId)
                  : ready.channel === 'call'
                    ? desk.hangUp(sessionId)
                    : desk.stopCall(sessionId)
              }
              conversation={conversation}
              captions
              audibleTo={audibleTo(session)}
            />
          ) : (
            <Conversation
              desk={desk}
              sessionId={sessionId}
              chat={<ChatPanel conversation={conversation} />}
            />
          )}
          <SidePanels
            token={token}
            request={request}
            customer={customer}
            onSend={(text) => conversation.say(text)}
          />
        </div>
      )}
    </section>
  );
}

/** A session without a live call: the chat, a call to start, and the end of the conversation. */
function Conversation({ desk, sessionId, chat }: { desk: Desk; sessionId: string; chat: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="conversation" data-testid="agent-conversation">
      <div className="controls">
        <button type="button" data-testid="start-audio" onClick={() => desk.startCall(sessionId, 'audio')}>
          {t('call.startAudio')}
        </button>
        <button type="button" data-testid="start-video" onClick={() => desk.startCall(sessionId, 'video')}>
          {t('call.startVideo')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="call-end"
          onClick={() => desk.hangUp(sessionId)}
        >
          {t('call.endConversation')}
        </button>
      </div>
      {chat}
    </section>
  );
}

/** A tab joined to consult: whose call it is, who hears this agent, and the way out. */
function ConsultBanner({ session, desk }: { session: DeskSession; desk: Desk }) {
  const { t } = useTranslation();
  const name = session.consult?.fromName ?? '';
  return (
    <div className="consult-banner" role="status" data-testid="consult-banner">
      <p>{t('transfer.consultBanner', { name })}</p>
      <button
        type="button"
        data-testid="consult-leave"
        onClick={() => void desk.transfers.leave(session.sessionId)}
      >
        {t('transfer.leave')}
      </button>
    </div>
  );
}
