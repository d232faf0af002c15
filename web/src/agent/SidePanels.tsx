import type { QuickReply, QuickRepliesReply } from '@lifeline/core/protocol/floor.js';
import type { OfferedRequest } from '@lifeline/core/protocol/frames.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { CustomerPanel, type CustomerState } from './CustomerPanel.js';
import { HandoffNote } from './HandoffNote.js';
import { SuggestedArticles } from './SuggestedArticles.js';
import { VideoFeedbackFor } from './VideoFeedback.js';

/** A reply in the console's language, in small type under the one the user is sent. */
const GLOSS = { display: 'block', fontSize: '0.8em' } as const;

/**
 * Beside the call: the request, a sentiment hint, the user with their earlier cases, suggested
 * articles and quick replies to edit and send into the conversation.
 */
export function SidePanels({
  token,
  request,
  customer,
  onSend,
}: {
  token: string;
  request?: OfferedRequest;
  customer: CustomerState;
  onSend: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [quick, setQuick] = useState<{ lang?: string; replies: QuickReply[] }>({ replies: [] });
  const [chosen, setChosen] = useState<QuickReply | null>(null);
  const [draft, setDraft] = useState('');
  const category = request?.category ?? 'general';
  useEffect(() => {
    // The replies go to the user, in their language; the gloss is for the agent, in the console's.
    const query = new URLSearchParams({
      category,
      lang: request?.language ?? i18n.language,
      agentLang: i18n.language,
    });
    void api<QuickRepliesReply>(`/v1/quick-replies?${query}`, { token }).then((r) =>
      setQuick({ lang: r.lang, replies: r.replies }),
    );
  }, [category, request?.language, i18n.language, token]);
  const choose = (reply: QuickReply | null, text: string) => {
    setChosen(reply);
    setDraft(text);
  };
  // The gloss says what the chosen reply means only until the agent edits it.
  const gloss = chosen && draft === chosen.text ? chosen.gloss : undefined;
  return (
    <aside className="side-panels">
      {request && (
        <section>
          <p>
            <strong>{t(`levels.${request.urgency.level}`)}</strong> · {t(`categories.${request.category}`)}
          </p>
          <HandoffNote reason={request.handoffReason} transfer={request.transfer} />
          {request.text && <blockquote>{request.text}</blockquote>}
          {request.urgency.sentiment && (
            <p className={`sentiment ${request.urgency.sentiment}`} data-testid="sentiment-hint">
              {t('agent.sentiment', { value: t(`sentiments.${request.urgency.sentiment}`) })}
            </p>
          )}
          <p className="muted">{request.urgency.reasons.join(' · ')}</p>
          <VideoFeedbackFor token={token} requestId={request.id} />
        </section>
      )}
      <CustomerPanel requestId={request?.id} {...customer} />
      {request && (
        <SuggestedArticles token={token} requestId={request.id} onChoose={(text) => choose(null, text)} />
      )}
      <section aria-label={t('agent.quickReplies')}>
        <h3>{t('agent.quickReplies')}</h3>
        <div className="reply-buttons">
          {quick.replies.map((reply) => (
            <button
              key={reply.id}
              type="button"
              data-testid={`quick-reply-${reply.id}`}
              onClick={() => choose(reply, reply.text)}
            >
              <span lang={quick.lang} dir="auto">
                {reply.title}
              </span>
              {reply.gloss && (
                <small className="muted" style={GLOSS} lang={reply.gloss.lang}>
                  {reply.gloss.title}
                </small>
              )}
            </button>
          ))}
        </div>
        <label>
          <span className="sr-only">{t('agent.quickReplies')}</span>
          <textarea
            data-testid="quick-reply-draft"
            lang={chosen ? quick.lang : undefined}
            dir="auto"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={4}
          />
        </label>
        {gloss && (
          <small className="muted" style={GLOSS} lang={gloss.lang} data-testid="quick-reply-gloss">
            {gloss.text}
          </small>
        )}
        <button
          type="button"
          data-testid="quick-reply-send"
          onClick={() => {
            onSend(draft);
            choose(null, '');
          }}
        >
          {t('agent.sendReply')}
        </button>
      </section>
    </aside>
  );
}
