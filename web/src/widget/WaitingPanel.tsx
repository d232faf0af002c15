import { useTranslation } from 'react-i18next';
import { CallbackChoice } from './CallbackChoice.js';
import { queuePlace } from './queuePlace.js';
import type { useHelpRequest } from './useHelpRequest.js';

type Help = ReturnType<typeof useHelpRequest>;

/** In the line for a person: place, wait, voice progress, a callback for calls, and cancel. */
export function WaitingPanel({ help, call }: { help: Help; call: boolean }) {
  const { t } = useTranslation();
  const { queue, request } = help;
  if (!request) return null;
  return (
    <div className="waiting" aria-live="polite">
      <p data-testid="queue-position">
        {queue?.state === 'connecting'
          ? t('widget.connecting')
          : queue?.noAgentOnline
            ? t('widget.noAgentOnline')
            : queuePlace(t, queue?.position)}
      </p>
      {queue?.noAgentOnline && call && (
        <p data-testid="leave-message-hint">{t('widget.leaveMessageInstead')}</p>
      )}
      {queue && queue.state !== 'connecting' && !queue.noAgentOnline && (
        <p>{t('widget.eta', { minutes: Math.max(1, Math.ceil(queue.etaSeconds / 60)) })}</p>
      )}
      {help.voiceStatus && <p data-testid="voice-status">{t(`widget.progress_${help.voiceStatus}`)}</p>}
      {call && queue?.state !== 'connecting' && (
        <CallbackChoice chosen={request.callback === true} choose={help.callMeBack} />
      )}
      <button type="button" onClick={() => void help.cancel()}>
        {t('widget.cancel')}
      </button>
    </div>
  );
}
