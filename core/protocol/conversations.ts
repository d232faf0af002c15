import { Type, type Static } from '@sinclair/typebox';
import { AttachmentKind, MessageRole } from './domain.js';
import { MAX_MESSAGE_LENGTH } from './vocabulary.js';

/**
 * One conversation per help request, the same over REST and the WebSocket: what the user and
 * agents write before, during and after a call, and agents' internal notes.
 */

const MessageText = Type.String({
  minLength: 1,
  maxLength: MAX_MESSAGE_LENGTH,
  description: `1 to ${MAX_MESSAGE_LENGTH} characters; stored trimmed, and blank text is refused`,
});
const Internal = Type.Boolean({
  description: 'An internal note: agents and supervisors see it, the user never does',
});

/** What a line carries besides its text: a voice message or a video clip, fetched with the same rights as the conversation. */
export const MessageAttachment = Type.Object({
  kind: AttachmentKind,
  contentType: Type.String(),
  url: Type.String({ description: 'Path of the file on this API; send the same bearer token' }),
  thumbnailUrl: Type.Optional(Type.String({ description: 'A small JPEG of one frame' })),
  seconds: Type.Optional(Type.Number()),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
  hasAudio: Type.Optional(Type.Boolean()),
});
export type MessageAttachment = Static<typeof MessageAttachment>;

/** An article the assistant answered with: its title, and its id on `GET /v1/kb/articles/:id`. */
export const ArticleLink = Type.Object({ id: Type.String(), title: Type.String() });
export type ArticleLink = Static<typeof ArticleLink>;

export const ConversationMessage = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  role: MessageRole,
  authorName: Type.Optional(Type.String({ description: "The agent's or the user's display name" })),
  internal: Internal,
  body: Type.String(),
  attachments: Type.Optional(Type.Array(MessageAttachment, { description: 'Only on lines that carry any' })),
  articles: Type.Optional(
    Type.Array(ArticleLink, {
      description: 'The articles an assistant line answers with; only on such lines',
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ConversationMessage = Static<typeof ConversationMessage>;

export const PostMessageBody = Type.Object(
  { body: MessageText, internal: Type.Optional(Internal) },
  { additionalProperties: false },
);
export type PostMessageBody = Static<typeof PostMessageBody>;

/** The longest page of messages one read returns, and what a read without `limit` gets. */
export const MAX_MESSAGES_PER_PAGE = 200;

export const MessagesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_MESSAGES_PER_PAGE })),
    before: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'A message id: return the messages before it (the page before the one read)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MessagesQuery = Static<typeof MessagesQuery>;

export const MessagesReply = Type.Object({
  messages: Type.Array(ConversationMessage, { description: 'Oldest first; the latest page unless `before`' }),
});
export type MessagesReply = Static<typeof MessagesReply>;

/** What a client sends to write in a conversation over the WebSocket. */
export const MessageFrameFields = {
  requestId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Agents must name the request; a user may leave it out (its token names one)',
    }),
  ),
  body: MessageText,
  internal: Type.Optional(Internal),
};
