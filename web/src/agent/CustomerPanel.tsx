import type { CustomerCase, CustomerReply, PastCall, UserProfileView } from '@lifeline/core/protocol/crm.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';

/** The user behind a request and their earlier cases, from GET /v1/help-requests/:id/customer. */
export interface CustomerState {
  customer: CustomerReply | null;
  failed: boolean;
}

/** Loads the customer of one request; a tab loads it once for its context line and its panel. */
export function useCustomer(token: string, requestId: string | undefined): CustomerState {
  const [customer, setCustomer] = useState<CustomerReply | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setCustomer(null);
    setFailed(false);
    if (!requestId) return;
    let current = true;
    void api<CustomerReply>(`/v1/help-requests/${requestId}/customer`, { token }).then(
      (reply) => current && setCustomer(reply),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [requestId, token]);
  return { customer, failed };
}

/**
 * Who the agent is helping: the user's profile and their earlier cases on every channel, each with
 * its outcome, note, rating and conversation.
 */
export function CustomerPanel({ requestId, customer, failed }: CustomerState & { requestId?: string }) {
  const { t } = useTranslation();
  const earlier = customer?.cases.filter((c) => c.id !== requestId) ?? [];
  const loading = !!requestId && !customer && !failed;
  return (
    <>
      {customer && <Profile profile={customer.profile} />}
      <section aria-label={t('agent.history')} data-testid="user-history" aria-busy={loading}>
        <h3>{t('agent.history')}</h3>
        {failed ? (
          <p className="error">{t('agent.customerUnavailable')}</p>
        ) : loading ? (
          <p className="muted">{t('agent.loading')}</p>
        ) : earlier.length === 0 ? (
          <p className="muted">{t('agent.noHistory')}</p>
        ) : (
          <ul className="past-cases">
            {earlier.map((item) => (
              <PastCase key={item.id} item={item} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function useDate() {
  const { i18n } = useTranslation();
  return (at: string) => new Date(at).toLocaleString(i18n.language);
}

function Profile({ profile }: { profile: UserProfileView }) {
  const { t } = useTranslation();
  const date = useDate();
  return (
    <section aria-label={t('agent.customer')} data-testid="customer-profile" className="customer">
      <h3>{profile.name ?? t('agent.unnamed')}</h3>
      <dl>
        <dt>{t('agent.tier')}</dt>
        <dd>{profile.tier}</dd>
        <dt>{t('agent.firstSeen')}</dt>
        <dd>
          <time dateTime={profile.firstSeenAt}>{date(profile.firstSeenAt)}</time>
        </dd>
        <dt>{t('agent.lastSeen')}</dt>
        <dd>
          <time dateTime={profile.lastSeenAt}>{date(profile.lastSeenAt)}</time>
        </dd>
      </dl>
    </section>
  );
}

function PastCase({ item }: { item: CustomerCase }) {
  const { t } = useTranslation();
  const date = useDate();
  const older = item.messageCount - item.messages.length;
  return (
    <li className={`past-case level-${item.level}`} data-testid="past-case">
      <p>
        <time dateTime={item.createdAt}>{date(item.createdAt)}</time> · {t(`agent.channels.${item.channel}`)}{' '}
        · {t(`categories.${item.category}`, { defaultValue: item.category })} ·{' '}
        {t(`agent.states.${item.state}`, { defaultValue: item.state })}
      </p>
      {item.text && <blockquote>{item.text}</blockquote>}
      {item.calls.map((call) => (
        <CallSummary key={call.sessionId} call={call} />
      ))}
      {item.messages.length > 0 && (
        <details data-testid="past-conversation">
          <summary>{t('agent.conversation', { count: item.messageCount })}</summary>
          {older > 0 && <p className="muted">{t('agent.olderLines', { count: older })}</p>}
          <ol className="chat-log">
            {item.messages.map((line) => (
              <li key={line.id} className={line.internal ? 'internal' : line.role}>
                {line.internal && <strong>{t('call.internal')} </strong>}
                <span className="author">{line.authorName ?? t(`agent.roles.${line.role}`)}:</span>{' '}
                {line.body}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function CallSummary({ call }: { call: PastCall }) {
  const { t } = useTranslation();
  return (
    <div className="past-call" data-testid="past-call">
      <strong>
        {call.outcome
          ? t(`agent.outcomes.${call.outcome}`, { defaultValue: call.outcome })
          : t(call.endedAt ? 'agent.noOutcome' : 'agent.inProgress')}
      </strong>
      {call.agentName && <span> · {call.agentName}</span>}
      {call.rating !== undefined && <Stars stars={call.rating} />}
      {call.note && <p className="note">{call.note}</p>}
    </div>
  );
}

function Stars({ stars }: { stars: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t('agent.rating', { count: stars })}>
      {' '}
      {'★'.repeat(stars)}
      {'☆'.repeat(Math.max(0, 5 - stars))}
    </span>
  );
}
