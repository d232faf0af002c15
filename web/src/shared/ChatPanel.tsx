import { MAX_MESSAGE_LENGTH, SYSTEM_EVENTS, type SystemEvent } from '@lifeline/core/protocol/vocabulary.js';
import type { ConversationMessage } from '@lifeline/core/protocol/conversations.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from './useConversation.js';
import { ArticleChips } from './ArticleView.js';
import { ArticleMarkdown } from './ArticleMarkdown.js';
import { MessageAttachments } from './VideoClipView.js';

const isSystemEvent = (body: string): body is SystemEvent =>
  (SYSTEM_EVENTS as readonly string[]).includes(body);

/** One stored line as its reader sees it: Lifeline's own lines in the reader's language. */
function Line({
  line,
  self,
  token,
}: {
  line: ConversationMessage;
  self: Conversation['self'];
  token: string | undefined;
}) {
  const { t } = useTranslation();
  if (line.role === 'system')
    return <li className="system">{isSystemEvent(line.body) ? t(`system.${line.body}`) : line.body}</li>;
  // The assistant writes Markdown-ish text built from articles: rendered safely, never as HTML.
  if (line.role === 'assistant')
    return (
      <li className="assistant" data-testid="assistant-line">
        <strong className="author">{t('assistant.name')}</strong>
        <ArticleMarkdown body={line.body} />
        {line.articles && line.articles.length > 0 && <ArticleChips articles={line.articles} />}
      </li>
    );
  return (
    <li className={`${line.role === self ? 'me' : 'them'}${line.internal ? ' internal' : ''}`}>
      {line.internal && <strong>{t('call.internal')} </strong>}
      {/* Isolated: an English line keeps its punctuation in place in the Arabic widget, and back. */}
      <bdi>{line.body}</bdi>
      {line.attachments && token && <MessageAttachments attachments={line.attachments} token={token} />}
    </li>
  );
}

/**
 * A request's conversation: every stored line and a box to write the next one. The same panel
 * serves a chat-only conversation and the chat beside a call, on both sides.
 */
export function ChatPanel({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [internal, setInternal] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  // An assistant answer is tall: without this, the lines after it land out of sight below.
  const count = conversation.messages.length;
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [count]);
  return (
    <form
      className="chat"
      onSubmit={(event) => {
        event.preventDefault();
        conversation.say(draft, internal);
        setDraft('');
      }}
    >
      <ul aria-live="polite" data-testid="call-chat" ref={list}>
        {conversation.messages.map((line) => (
          <Line key={line.id} line={line} self={conversation.self} token={conversation.token} />
        ))}
      </ul>
      <label>
        <span className="sr-only">{t('call.chat')}</span>
        <input
          data-testid="call-chat-input"
          value={draft}
          maxLength={MAX_MESSAGE_LENGTH}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('call.chat')}
        />
      </label>
      {conversation.canWriteNotes && (
        <label>
          <input
            type="checkbox"
            data-testid="call-chat-internal"
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
          />{' '}
          {t('call.internalNote')}
        </label>
      )}
    </form>
  );
}
