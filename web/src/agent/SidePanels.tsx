import type { QuickReply, QuickRepliesReply } from '@lifeline/core/protocol/floor.js';
import type { OfferedRequest } from '@lifeline/core/protocol/frames.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';
import { CustomerPanel } from './CustomerPanel.js';
import { HandoffNote } from './HandoffNote.js';
import { SuggestedArticles } from './SuggestedArticles.js';
import { VideoFeedbackFor } from './VideoFeedback.js';
import { MyTasks } from './MyTasks.js';

/**
 * Beside the call: the request, a sentiment hint, the user with their earlier cases, suggested
 * articles and quick replies to edit and send into the conversation, and the agent's own follow-ups.
 */
export function SidePanels({
  token,
  request,
  onSend,
}: {
  token: string;
  request?: OfferedRequest;
  onSend: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [replies, setReplies] = useState<QuickReply[]>([]);
  const [draft, setDraft] = useState('');
  const category = request?.category ?? 'general';
  useEffect(() => {
    const lang = request?.language ?? i18n.language;
    void api<QuickRepliesReply>(`/v1/quick-replies?category=${category}&lang=${lang}`, { token }).then((r) =>
      setReplies(r.replies),
    );
  }, [category, request?.language, i18n.language, token]);
  return (
    <aside className="side-panels">
      {request && (
        <section>
          <p>
            <strong>{t(`levels.${request.urgency.level}`)}</strong> · {t(`categories.${request.category}`)}
          </p>
          <HandoffNote reason={request.handoffReason} />
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
      <CustomerPanel token={token} requestId={request?.id} />
      {request && <SuggestedArticles token={token} requestId={request.id} onChoose={setDraft} />}
      <section aria-label={t('agent.quickReplies')}>
        <h3>{t('agent.quickReplies')}</h3>
        <div className="reply-buttons">
          {replies.map((reply) => (
            <button
              key={reply.id}
              type="button"
              data-testid={`quick-reply-${reply.id}`}
              onClick={() => setDraft(reply.text)}
            >
              {reply.title}
            </button>
          ))}
        </div>
        <label>
          <span className="sr-only">{t('agent.quickReplies')}</span>
          <textarea
            data-testid="quick-reply-draft"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={4}
          />
        </label>
        <button
          type="button"
          data-testid="quick-reply-send"
          onClick={() => {
            onSend(draft);
            setDraft('');
          }}
        >
          {t('agent.sendReply')}
        </button>
      </section>
      <MyTasks token={token} />
    </aside>
  );
}
