import type { ConversationMessage, MessagesReply } from '@lifeline/core/protocol/conversations.js';
import type { MessageRole } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { LifelineSocket } from './socket.js';

/** A request's conversation as one side sees it, and how that side writes in it. */
export interface Conversation {
  messages: ConversationMessage[];
  /** Who "me" is: the user's lines, or every agent's. */
  self: MessageRole;
  say: (body: string, internal?: boolean) => void;
  /** Agents may write internal notes the user never sees. */
  canWriteNotes: boolean;
  /** The reader's token, for the files lines carry (a video clip is fetched with it). */
  token: string | undefined;
}

/** Adds a line once, however many times it arrives (the history and the frame, or a resend). */
function including(list: ConversationMessage[], message: ConversationMessage): ConversationMessage[] {
  if (list.some((m) => m.id === message.id)) return list;
  return [...list, message].sort(
    (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
  );
}

/**
 * The stored conversation of one request, over the Lifeline socket: what was said before (REST)
 * and each `message` frame as it comes. Lines appear when the server has stored them, so what
 * one side sees is what the other side and the record have.
 */
export function useConversation(
  socket: LifelineSocket | null,
  requestId: string | undefined,
  token: string | undefined,
  self: MessageRole,
): Conversation {
  const [messages, setMessages] = useState<ConversationMessage[]>([]);

  useEffect(() => {
    setMessages([]);
    if (!socket || !requestId || !token) return;
    const stop = socket.on((frame) => {
      if (frame.type === 'message' && frame.requestId === requestId)
        setMessages((list) => including(list, frame.message));
    });
    void api<MessagesReply>(`/v1/help-requests/${requestId}/messages`, { token }).then(
      (reply) => setMessages((list) => reply.messages.reduce(including, list)),
      () => undefined,
    );
    return () => {
      stop();
    };
  }, [socket, requestId, token]);

  const say = (body: string, internal = false) => {
    if (!socket || !requestId || !body.trim()) return;
    socket.send({ type: 'message', requestId, body, ...(internal ? { internal } : {}) });
  };

  return { messages, self, say, canWriteNotes: self === 'agent', token };
}
