import type { ConversationMessage, MessageAttachment } from '../../core/protocol/conversations.js';
import type { AttachmentKind, MessageRole } from '../../core/protocol/vocabulary.js';
import type { MessageRow, StoredAttachment } from '../../platform/db/schema.js';

/** A stored line as readers see it, named after its author: the agent's name, or the user's. */
export function toConversationMessage(
  row: MessageRow,
  agentNames: ReadonlyMap<string, string>,
  userName?: string,
): ConversationMessage {
  const name =
    row.role === 'agent' && row.author_id
      ? agentNames.get(row.author_id)
      : row.role === 'user'
        ? userName
        : undefined;
  return {
    id: row.id,
    requestId: row.case_id,
    role: row.role as MessageRole,
    ...(name ? { authorName: name } : {}),
    internal: row.internal,
    body: row.body,
    ...(row.attachments.length > 0
      ? { attachments: row.attachments.map((file) => toMessageAttachment(row.case_id, file)) }
      : {}),
    ...(row.articles.length > 0 ? { articles: row.articles.map(({ id, title }) => ({ id, title })) } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Readers get a path on the API, never the blob key; the file is served with the conversation's rights. */
function toMessageAttachment(requestId: string, file: StoredAttachment): MessageAttachment {
  const { kind, contentType, seconds, width, height, hasAudio } = file;
  const base = `/v1/help-requests/${encodeURIComponent(requestId)}/${kind}`;
  return {
    kind: kind as AttachmentKind,
    contentType,
    url: base,
    ...(file.thumbnailKey ? { thumbnailUrl: `${base}/thumbnail` } : {}),
    ...(seconds === undefined ? {} : { seconds }),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
    ...(hasAudio === undefined ? {} : { hasAudio }),
  };
}

/** The ids of the agents who wrote these lines. */
export function agentAuthors(rows: readonly MessageRow[]): string[] {
  return rows.flatMap((row) => (row.role === 'agent' && row.author_id ? [row.author_id] : []));
}
