import { MAX_NOTE_LENGTH, OUTCOMES, type Outcome } from '@lifeline/core/protocol/vocabulary.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** When a follow-up may fall due, in minutes; none picked means the server's default. */
const FOLLOW_UP_CHOICES = [60, 240, 1440, 4320] as const;

/**
 * After a call: an outcome code and a note; the history feeds repeat-contact scoring. A
 * follow-up comes back to this agent when due; an escalation goes to a supervisor to assign.
 */
export function WrapUp({
  onSubmit,
}: {
  onSubmit: (outcome: Outcome, note: string, followUpInMinutes?: number) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [note, setNote] = useState('');
  const [followUpIn, setFollowUpIn] = useState('');
  return (
    <form
      className="wrap-up"
      aria-label={t('agent.wrapUp')}
      onSubmit={(event) => {
        event.preventDefault();
        const minutes = outcome === 'follow_up' && followUpIn ? Number(followUpIn) : undefined;
        onSubmit(outcome, note, minutes);
      }}
    >
      <h2>{t('agent.wrapUp')}</h2>
      <label>
        {t('agent.outcome')}
        <select
          data-testid="wrapup-outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
        >
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`agent.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {outcome === 'follow_up' && (
        <label>
          {t('tasks.followUpIn')}
          <select
            data-testid="wrapup-follow-up-in"
            value={followUpIn}
            onChange={(e) => setFollowUpIn(e.target.value)}
          >
            <option value="">{t('tasks.followUpDefault')}</option>
            {FOLLOW_UP_CHOICES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {t(`tasks.in.${minutes}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {outcome === 'escalated' && <p className="muted">{t('tasks.escalationHint')}</p>}
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
