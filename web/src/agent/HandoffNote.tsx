import type { OfferedRequest } from '@lifeline/core/protocol/frames.js';
import type { HandoffReason } from '@lifeline/core/protocol/vocabulary.js';
import { useTranslation } from 'react-i18next';

/**
 * Why the request reached this agent from someone else, in words: the assistant stepping aside
 * (the agent knows what the user already tried), or a colleague sending it back to the queue
 * with a note.
 */
export function HandoffNote({
  reason,
  transfer,
}: {
  reason: HandoffReason | undefined;
  transfer?: OfferedRequest['transfer'];
}) {
  const { t } = useTranslation();
  return (
    <>
      {reason && (
        <p className="handoff-reason" data-testid="handoff-reason">
          {t('assistant.handedOver', { reason: t(`assistant.handoff.${reason}`) })}
        </p>
      )}
      {transfer && (
        <p className="handoff-reason" data-testid="transfer-note-shown">
          {t('transfer.fromColleague')}
          {transfer.note && <> · {t('transfer.noteFrom', { note: transfer.note })}</>}
        </p>
      )}
    </>
  );
}
