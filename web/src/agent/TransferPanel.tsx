import type { AgentState } from '@lifeline/core/protocol/floor.js';
import type { CategoryName } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { CategoryOptions } from '../shared/CategoryOptions.js';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import type { DeskSession, useAgentSession } from './useAgentSession.js';

type Desk = ReturnType<typeof useAgentSession>;

const couldConsult = (a: AgentState) => a.status === 'available' && a.load < a.maxSessions;

/**
 * Consult a colleague and hand the call over warm, or send the case back to a queue with a note.
 * While a consult is open the panel shows it instead, with the handover and the way back.
 */
export function TransferPanel({ token, session, desk }: { token: string; session: DeskSession; desk: Desk }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [colleagues, setColleagues] = useState<AgentState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { sessionId, transfer } = session;
  const shown = open || Boolean(transfer);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    void api<{ agents: AgentState[] }>('/v1/agents/colleagues', { token }).then(
      (reply) => live && setColleagues(reply.agents),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [shown, token, transfer?.state]);

  const run = (work: Promise<string | null>) => void work.then(setError);
  const nameOf = (agentId: string) => colleagues.find((c) => c.id === agentId)?.name ?? agentId;
  if (!shown)
    return (
      <button type="button" data-testid="transfer-open" onClick={() => setOpen(true)}>
        {t('transfer.open')}
      </button>
    );
  return (
    <section className="transfer" data-testid="transfer-panel" aria-label={t('transfer.heading')}>
      <h4>{t('transfer.heading')}</h4>
      {error && (
        <p role="alert" className="error" data-testid="transfer-error">
          {error}
        </p>
      )}
      {transfer ? (
        <div data-testid="transfer-state" data-state={transfer.state}>
          <p>{t(`transfer.${transfer.state}`, { name: nameOf(transfer.agentId) })}</p>
          {transfer.state === 'joined' && (
            <button
              type="button"
              className="primary"
              data-testid="transfer-complete"
              onClick={() => run(desk.transfers.transfer(sessionId, { mode: 'warm' }))}
            >
              {t('transfer.complete')}
            </button>
          )}
          <button
            type="button"
            data-testid="transfer-cancel"
            onClick={() => run(desk.transfers.cancelConsult(sessionId))}
          >
            {t('transfer.cancel')}
          </button>
        </div>
      ) : (
        <>
          <h5>{t('transfer.colleagues')}</h5>
          {colleagues.length === 0 && <p className="muted">{t('transfer.none')}</p>}
          <ul className="colleagues">
            {colleagues.map((c) => (
              <li key={c.id}>
                {c.name} ·{' '}
                {couldConsult(c)
                  ? t('transfer.free', { load: c.load, max: c.maxSessions })
                  : t('transfer.unavailable')}{' '}
                <button
                  type="button"
                  data-testid="transfer-consult"
                  data-agent={c.name}
                  disabled={!couldConsult(c)}
                  onClick={() => run(desk.transfers.consult(sessionId, c.id))}
                >
                  {t('transfer.consult')}
                </button>
              </li>
            ))}
          </ul>
          <ColdTransfer
            onSend={(category, note) =>
              run(desk.transfers.transfer(sessionId, { mode: 'cold', category, note }))
            }
          />
          <button type="button" onClick={() => setOpen(false)}>
            {t('transfer.close')}
          </button>
        </>
      )}
    </section>
  );
}

function ColdTransfer({ onSend }: { onSend: (category: CategoryName, note: string) => void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<CategoryName>('general');
  const [note, setNote] = useState('');
  return (
    <form
      className="cold-transfer"
      onSubmit={(event) => {
        event.preventDefault();
        onSend(category, note.trim());
      }}
    >
      <h5>{t('transfer.coldHeading')}</h5>
      <label>
        {t('transfer.queue')}{' '}
        <select
          data-testid="transfer-queue"
          value={category}
          onChange={(e) => setCategory(e.target.value as CategoryName)}
        >
          <CategoryOptions />
        </select>
      </label>
      <label>
        {t('transfer.note')}
        <textarea
          data-testid="transfer-note"
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="transfer-send">
        {t('transfer.send')}
      </button>
    </form>
  );
}
