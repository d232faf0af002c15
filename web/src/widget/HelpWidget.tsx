import type { StreamContext } from '@lifeline/core/protocol/domain.js';
import type { CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import {
  CATEGORIES,
  MAX_TEXT_LENGTH,
  type CategoryName,
  type Channel,
  type MediaKind,
} from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallView } from '../shared/CallView.js';
import { ChatPanel } from '../shared/ChatPanel.js';
import { useConversation } from '../shared/useConversation.js';
import { CallbackChoice } from './CallbackChoice.js';
import { IncidentBanner } from './IncidentBanner.js';
import { useHelpRequest } from './useHelpRequest.js';
import { useIncidentNotice } from './useIncidentNotice.js';
import { uploadVideo, VideoRecorder } from './VideoRecorder.js';
import { VoiceRecorder } from './VoiceRecorder.js';

/** The embeddable help widget: pick a channel, wait with position and ETA, talk, rate. */
export function HelpWidget({ identity, stream }: { identity: string | null; stream: () => StreamContext }) {
  const { t, i18n } = useTranslation();
  const help = useHelpRequest(identity);
  const conversation = useConversation(help.socket, help.request?.id, help.request?.accessToken, 'user');
  const incident = useIncidentNotice(help.request, help.socket);
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [media, setMedia] = useState<MediaKind>('video');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<CategoryName | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [rated, setRated] = useState(false);
  /** The call the user walked out of, in a conversation that goes on without it. */
  const [leftRoom, setLeftRoom] = useState<string | null>(null);
  // A case resumed after a reload or on another device opens the widget on it.
  useEffect(() => {
    if (help.request) setOpen(true);
  }, [help.request]);

  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const submit = async (recording?: Blob) => {
    // The form that calls this shows only once a channel is picked.
    if (!channel) return;
    setError(null);
    try {
      const body: CreateHelpRequestBody = { channel, language, stream: stream() };
      if (channel === 'call') body.media = media;
      if (text.trim()) body.text = text.trim();
      if (category) body.category = category;
      const created = await help.create(body);
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
  return (
    <aside className="widget" aria-label={t('widget.heading')}>
      <header>
        <h2>{t('widget.heading')}</h2>
        <button type="button" onClick={() => setOpen(false)} aria-label={t('widget.close')}>
          ×
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {t('widget.error', { message: error })}
        </p>
      )}
      {help.request && incident.notice && (
        <IncidentBanner
          notice={incident.notice}
          waiting={!help.ready && !help.ended}
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
          <button
            type="button"
            data-testid="help-channel-call"
            aria-pressed={channel === 'call'}
            onClick={() => setChannel('call')}
          >
            {t('widget.call')}
          </button>
          <button
            type="button"
            data-testid="help-channel-voice"
            aria-pressed={channel === 'voice'}
            onClick={() => setChannel('voice')}
          >
            {t('widget.voice')}
          </button>
          <button
            type="button"
            data-testid="help-channel-text"
            aria-pressed={channel === 'text'}
            onClick={() => setChannel('text')}
          >
            {t('widget.text')}
          </button>
        </div>
      )}
      {channel && !help.request && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {channel === 'call' && (
            <fieldset>
              <legend>{t('widget.media')}</legend>
              <label>
                <input
                  type="radio"
                  name="media"
                  data-testid="help-media-video"
                  checked={media === 'video'}
                  onChange={() => setMedia('video')}
                />{' '}
                {t('widget.video')}
              </label>
              <label>
                <input
                  type="radio"
                  name="media"
                  data-testid="help-media-audio"
                  checked={media === 'audio'}
                  onChange={() => setMedia('audio')}
                />{' '}
                {t('widget.audio')}
              </label>
            </fieldset>
          )}
          <label>
            {t('widget.describe')}
            <textarea
              data-testid="help-text"
              value={text}
              maxLength={MAX_TEXT_LENGTH}
              onChange={(e) => setText(e.target.value)}
              required={channel === 'text'}
            />
          </label>
          <label>
            {t('widget.category')}
            <select value={category} onChange={(e) => setCategory(e.target.value as CategoryName | '')}>
              <option value="">—</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {channel === 'voice' ? (
            <>
              <VoiceRecorder onSend={(recording) => void submit(recording)} />
              <VideoRecorder onSend={(clip) => void submit(clip)} />
            </>
          ) : (
            <button type="submit" className="primary" data-testid="help-submit">
              {t('widget.submit')}
            </button>
          )}
        </form>
      )}
      {help.request && !help.ready && !help.ended && (
        <div className="waiting" aria-live="polite">
          <p data-testid="queue-position">
            {help.queue?.state === 'connecting'
              ? t('widget.connecting')
              : help.queue?.noAgentOnline
                ? t('widget.noAgentOnline')
                : t('widget.position', { position: help.queue?.position ?? 1 })}
          </p>
          {help.queue?.noAgentOnline && asked === 'call' && (
            <p data-testid="leave-message-hint">{t('widget.leaveMessageInstead')}</p>
          )}
          {help.queue && help.queue.state !== 'connecting' && !help.queue.noAgentOnline && (
            <p>{t('widget.eta', { minutes: Math.max(1, Math.ceil(help.queue.etaSeconds / 60)) })}</p>
          )}
          {help.voiceStatus && <p data-testid="voice-status">{t(`widget.progress_${help.voiceStatus}`)}</p>}
          {asked === 'call' && help.queue?.state !== 'connecting' && (
            <CallbackChoice chosen={help.request.callback === true} choose={help.callMeBack} />
          )}
          <button type="button" onClick={() => void help.cancel()}>
            {t('widget.cancel')}
          </button>
        </div>
      )}
      {conversing && (
        <div className="conversation" data-testid="conversation">
          <p className="hint">{help.ready ? t('widget.agentJoined') : t('widget.writeWhileWaiting')}</p>
          <ChatPanel conversation={conversation} />
        </div>
      )}
      {call?.livekitUrl && call.token && (
        <CallView
          livekitUrl={call.livekitUrl}
          token={call.token}
          video={call.media === 'video'}
          onHangUp={() => (asked === 'call' ? void help.cancel() : setLeftRoom(call.room ?? null))}
          conversation={conversation}
        />
      )}
      {help.ended && (
        <div className="rating">
          <p>{t('widget.ended')}</p>
          {rated ? (
            <p>{t('widget.thanks')}</p>
          ) : (
            <div role="group" aria-label={t('widget.rate')}>
              <p>{t('widget.rate')}</p>
              {[1, 2, 3, 4, 5].map((stars) => (
                <button
                  key={stars}
                  type="button"
                  data-testid={`rate-${stars}`}
                  aria-label={t('widget.stars', { count: stars })}
                  onClick={() => void help.rate(stars).then(() => setRated(true))}
                >
                  {'★'.repeat(stars)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </aside>
  );
}
