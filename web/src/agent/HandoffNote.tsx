import type { HandoffReason } from '@lifeline/core/protocol/vocabulary.js';
import { useTranslation } from 'react-i18next';

/** Why the assistant stepped aside, in words: the agent knows what the user already tried. */
export function HandoffNote({ reason }: { reason: HandoffReason | undefined }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <p className="handoff-reason" data-testid="handoff-reason">
      {t('assistant.handedOver', { reason: t(`assistant.handoff.${reason}`) })}
    </p>
  );
}
