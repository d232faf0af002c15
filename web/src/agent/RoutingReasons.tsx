import type { RoutingReason } from '@lifeline/core/protocol/routingReasons.js';
import { useTranslation } from 'react-i18next';

const list = (skills: readonly string[]) => skills.join(', ');

/** One reason in the reader's language; the code's ':' would be read by i18next as a namespace. */
function ReasonLine({ reason }: { reason: RoutingReason }) {
  const { t } = useTranslation();
  const key = `routing.${reason.code.replace(':', '_')}`;
  if (reason.code === 'widened:neighbour_skill' || reason.code === 'widened:any_skill') {
    const added = reason.code === 'widened:neighbour_skill' ? list(reason.params.added) : '';
    return <li>{t(key, { ...reason.params, required: list(reason.params.required), added })}</li>;
  }
  if (reason.code === 'fallback:language')
    return (
      <li>
        {t(key, reason.params)}
        {reason.params.note && (
          <strong className="routing-note" data-testid="routing-note">
            {' '}
            {t('routing.fallbackNote', { note: reason.params.note })}
          </strong>
        )}
      </li>
    );
  return <li>{t(key, reason.params)}</li>;
}

/** The routing policy queue a request joined and why it reached this agent beyond that queue's rules. */
export function RoutingReasons({ queue, reasons }: { queue?: string; reasons?: readonly RoutingReason[] }) {
  const { t } = useTranslation();
  if (!queue && !reasons?.length) return null;
  return (
    <section className="routing" data-testid="routing-reasons" aria-label={t('routing.title')}>
      {queue && <p className="muted">{t('routing.queue', { queue })}</p>}
      {reasons && reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <ReasonLine key={reason.code} reason={reason} />
          ))}
        </ul>
      )}
    </section>
  );
}
