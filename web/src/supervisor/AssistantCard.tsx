import type { AssistantCounts } from '@lifeline/core/protocol/floor.js';
import type { HandoffReason } from '@lifeline/core/protocol/vocabulary.js';
import { useTranslation } from 'react-i18next';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * What the assistant did: how many text requests it answered first, how many its articles solved,
 * and why it handed the rest over, as bars (the reasons show what the knowledge base lacks).
 * Deflection is kept simple on purpose: self-served over held, not over every request.
 */
export function AssistantCard({ counts }: { counts: AssistantCounts }) {
  const { t } = useTranslation();
  const deflection = counts.held > 0 ? counts.selfServed / counts.held : 0;
  const handoffs = (Object.entries(counts.handoffs) as [HandoffReason, number | undefined][])
    .map(([reason, n]) => [reason, n ?? 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const most = Math.max(1, ...handoffs.map(([, n]) => n));
  return (
    <section className="assistant-card" data-testid="assistant-card">
      <h2>{t('assistant.card')}</h2>
      <div className="metrics">
        <div data-testid="assistant-held">
          <span>{t('assistant.held')}</span>
          <strong>{counts.held}</strong>
        </div>
        <div data-testid="assistant-self-served">
          <span>{t('assistant.selfServedCount')}</span>
          <strong>{counts.selfServed}</strong>
        </div>
        <div data-testid="assistant-deflection">
          <span>{t('assistant.deflection')}</span>
          <strong>{pct(deflection)}</strong>
        </div>
      </div>
      <h3>{t('assistant.handoffs')}</h3>
      {handoffs.length === 0 ? (
        <p className="muted">{t('assistant.noHandoffs')}</p>
      ) : (
        <ul data-testid="assistant-handoffs">
          {handoffs.map(([reason, n]) => (
            <li key={reason}>
              {t(`assistant.handoff.${reason}`)}: {n}
              <div className="bar" style={{ width: `${(n / most) * 100}%` }} aria-hidden="true" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
