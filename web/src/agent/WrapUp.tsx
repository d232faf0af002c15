import { MAX_NOTE_LENGTH } from '@lifeline/core/protocol/vocabulary.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const OUTCOMES = ['resolved', 'escalated', 'follow_up', 'no_issue'] as const;

/** After a call: an outcome code and a note; the history feeds repeat-contact scoring. */
export function WrapUp({ onSubmit }: { onSubmit: (outcome: string, note: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string>('resolved');
  const [note, setNote] = useState('');
  return (
    <form
      className="wrap-up"
      aria-label={t('agent.wrapUp')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(outcome, note);
      }}
    >
      <h2>{t('agent.wrapUp')}</h2>
      <label>
        {t('agent.outcome')}
        <select data-testid="wrapup-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`agent.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('agent.note')}
        <textarea value={note} maxLength={MAX_NOTE_LENGTH} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="wrapup-submit">
        {t('agent.submit')}
      </button>
    </form>
  );
}
