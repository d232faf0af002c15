import type { AssistantAnswer } from '@lifeline/core/protocol/vocabulary.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * While the assistant holds the case: did its articles solve it, or does the user still need
 * help. "Talk to a person" is there the whole time, so the assistant never stands in the way.
 */
export function AssistantChoices({ answer }: { answer: (choice: AssistantAnswer) => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const choose = (choice: AssistantAnswer) => {
    setBusy(true);
    void answer(choice).finally(() => setBusy(false));
  };
  return (
    <div className="assistant-panel" aria-live="polite" data-testid="assistant-panel">
      <p className="hint">{t('assistant.holding')}</p>
      <div className="assistant-choices" role="group" aria-label={t('assistant.name')}>
        <button
          type="button"
          className="primary"
          data-testid="assistant-solved"
          disabled={busy}
          onClick={() => choose('solved')}
        >
          {t('assistant.solved')}
        </button>
        <button
          type="button"
          data-testid="assistant-not-helped"
          disabled={busy}
          onClick={() => choose('not_helped')}
        >
          {t('assistant.stillNeedHelp')}
        </button>
        <button type="button" data-testid="assistant-human" disabled={busy} onClick={() => choose('human')}>
          {t('assistant.human')}
        </button>
      </div>
    </div>
  );
}
