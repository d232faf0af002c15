import type { ConversationMessage } from '../../core/protocol/conversations.js';
import type { MessageRole } from '../../core/protocol/vocabulary.js';
import type { MessageRow } from '../../platform/db/schema.js';

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
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The ids of the agents who wrote these lines. */
export function agentAuthors(rows: readonly MessageRow[]): string[] {
  return rows.flatMap((row) => (row.role === 'agent' && row.author_id ? [row.author_id] : []));
}
