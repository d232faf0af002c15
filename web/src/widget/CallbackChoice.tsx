import { useTranslation } from 'react-i18next';

/**
 * "Call me back" while waiting for a live call: the user keeps their place and may close the
 * page; they are reached here if the widget is open, otherwise by the platform's notification.
 */
export function CallbackChoice({
  chosen,
  choose,
}: {
  chosen: boolean;
  choose: (wanted: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  if (!chosen)
    return (
      <button type="button" className="primary" data-testid="call-me-back" onClick={() => void choose(true)}>
        {t('widget.callMeBack')}
      </button>
    );
  return (
    <div className="callback" data-testid="callback-waiting">
      <p>{t('widget.callbackWaiting')}</p>
      <button type="button" data-testid="callback-cancel" onClick={() => void choose(false)}>
        {t('widget.callbackCancel')}
      </button>
    </div>
  );
}
