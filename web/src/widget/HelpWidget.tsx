import type { StreamContext } from '@lifeline/core/protocol/domain.js';
import type { Channel } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../i18n/index.js';
import { asLocale, LOCALES, REQUEST_LANGUAGE } from '../i18n/locales.js';
import { CallView } from '../shared/CallView.js';
import { ChatPanel } from '../shared/ChatPanel.js';
import { useConversation } from '../shared/useConversation.js';
import { AssistantChoices } from './AssistantChoices.js';
import { EndedPanel } from './EndedPanel.js';
import { IncidentBanner } from './IncidentBanner.js';
import { RequestForm, type RequestFields } from './RequestForm.js';
import { useHelpRequest } from './useHelpRequest.js';
import { useIncidentNotice } from './useIncidentNotice.js';
import { uploadVideo } from './VideoRecorder.js';
import { WaitingPanel } from './WaitingPanel.js';

const CHANNELS: readonly Channel[] = ['call', 'voice', 'text'];

/** The embeddable help widget: pick a channel, the assistant or the line, talk, rate. */
export function HelpWidget({ identity, stream }: { identity: string | null; stream: () => StreamContext }) {
  const { t, i18n } = useTranslation();
  const help = useHelpRequest(identity);
  const conversation = useConversation(help.socket, help.request?.id, help.request?.accessToken, 'user');
  const incident = useIncidentNotice(help.request, help.socket);
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The call the user walked out of, in a conversation that goes on without it. */
  const [leftRoom, setLeftRoom] = useState<string | null>(null);
  // A case resumed after a reload or on another device opens the widget on it.
  useEffect(() => {
    if (help.request) setOpen(true);
  }, [help.request]);

  const language = REQUEST_LANGUAGE[asLocale(i18n.language)];
  const submit = async (fields: RequestFields, recording?: Blob) => {
    // The form that calls this shows only once a channel is picked.
    if (!channel) return;
    setError(null);
    try {
      const created = await help.create({ channel, language, stream: stream(), ...fields });
      if (recording?.type.startsWith('video/')) await uploadVideo(created, recording);
      else if (recording) await help.uploadVoice(created, recording);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  if (!open)
    return (
      <button type="button" className="help-open" data-testid="help-open" onClick={() => setOpen(true)}>
        {t('widget.open')}
      </button>
    );

  // A session says what it is now: a call whose callback went unanswered goes on as a conversation.
  const asked = help.ready?.channel ?? help.request?.channel ?? channel;
  const call = help.ready?.token && help.ready.room !== leftRoom && !help.ended ? help.ready : null;
  const conversing = help.request !== null && asked !== 'call' && !help.ended && !call;
  const pending = help.request !== null && !help.ready && !help.ended;
  const withAssistant = pending && help.queue?.state === 'assistant';
  return (
    <aside className="widget" aria-label={t('widget.heading')}>
      <header>
        <h2>{t('widget.heading')}</h2>
        <button type="button" onClick={() => setOpen(false)} aria-label={t('widget.close')}>
          ×
        </button>
      </header>
      <div className="widget-language">
        <LanguageSelect offered={LOCALES} />
      </div>
      {error && (
        <p role="alert" className="error">
          {t('widget.error', { message: error })}
        </p>
      )}
      {help.request && incident.notice && (
        <IncidentBanner
          notice={incident.notice}
          waiting={pending}
          closedByIt={help.ended && incident.notice.resolved}
          onSolved={() => void incident.answer('solved').catch((e: Error) => setError(e.message))}
          onStillNeedHelp={() =>
            void incident
              .answer('still_need_help')
              .then((state) => help.ended && state === 'queued' && help.reopen())
              .catch((e: Error) => setError(e.message))
          }
        />
      )}
      {!help.request && (
        <div className="channels" role="group" aria-label={t('widget.heading')}>
          {CHANNELS.map((c) => (
            <button
              key={c}
              type="button"
              data-testid={`help-channel-${c}`}
              aria-pressed={channel === c}
              onClick={() => setChannel(c)}
            >
              {t(`widget.${c}`)}
            </button>
          ))}
        </div>
      )}
      {channel && !help.request && (
        <RequestForm
          channel={channel}
          language={language}
          onSubmit={(fields, recording) => void submit(fields, recording)}
        />
      )}
      {/* The transcript first: after a handoff the assistant's lines stay above the place in line. */}
      {conversing && (
        <div className="conversation" data-testid="conversation">
          {!withAssistant && (
            <p className="hint">{help.ready ? t('widget.agentJoined') : t('widget.writeWhileWaiting')}</p>
          )}
          <ChatPanel conversation={conversation} />
        </div>
      )}
      {withAssistant && (
        <AssistantChoices
          answer={(choice) => help.answerAssistant(choice).catch((e: Error) => setError(e.message))}
        />
      )}
      {help.transfer && (
        <p className="notice" role="status" data-testid="transfer-notice" data-state={help.transfer.state}>
          {help.transfer.state === 'consulting'
            ? t('widget.transferConsulting')
            : help.transfer.state === 'completed'
              ? t('widget.transferCompleted', { name: help.transfer.agentName ?? '' })
              : t('widget.transferQueued')}
        </p>
      )}
      {pending && !withAssistant && <WaitingPanel help={help} call={asked === 'call'} />}
      {call?.livekitUrl && call.token && (
        <CallView
          livekitUrl={call.livekitUrl}
          token={call.token}
          video={call.media === 'video'}
          onHangUp={() => (asked === 'call' ? void help.cancel() : setLeftRoom(call.room ?? null))}
          conversation={conversation}
        />
      )}
      {help.ended && <EndedPanel help={help} />}
    </aside>
  );
}
