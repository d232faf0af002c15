import type { ServerFrameOf } from '@lifeline/core/protocol/frames.js';
import type { ConsultGrant, TransferBody } from '@lifeline/core/protocol/supervision.js';
import { api } from '../shared/api.js';
import type { DeskSession } from './useAgentSession.js';

/** An invitation to consult, stamped on arrival so its countdown runs from then. */
export type ConsultInvite = ServerFrameOf<'consult.invited'> & { receivedAt: number };

type SetSessions = (change: (list: DeskSession[]) => DeskSession[]) => void;

/** A `transfer.update` applied to the tabs: the consult a tab asked for, or a consult tab itself. */
export function applyTransferUpdate(
  list: DeskSession[],
  frame: ServerFrameOf<'transfer.update'>,
): DeskSession[] {
  const open = frame.state === 'invited' || frame.state === 'joined' ? frame.state : null;
  const over = open === null;
  return list.flatMap((s): DeskSession[] => {
    if (s.sessionId !== frame.sessionId) return [s];
    // This agent was the one consulted: its tab goes when the consult ends without a handover.
    if (s.consult) return over && frame.state !== 'completed' ? [] : [s];
    // This agent asked: once handed over the session is the other agent's, with no wrap-up owed here.
    if (frame.state === 'completed') return [];
    return [{ ...s, transfer: open ? { state: open, agentId: frame.agentId } : undefined }];
  });
}

/** The room identity of an agent (media/MediaPlane.ts names participants this way). */
export const agentIdentityOf = (agentId: string) => `agent-${agentId}`;

/** Whom this tab's call may be heard by: during a consult, the other agent only. */
export function audibleTo(session: DeskSession): string | undefined {
  if (session.consult) return session.consult.withAgentIdentity;
  return session.transfer?.state === 'joined' ? agentIdentityOf(session.transfer.agentId) : undefined;
}

/** The console's consult and transfer actions; each resolves to an error message or null. */
export function transferActions(
  token: string,
  setSessions: SetSessions,
  onJoined: (tab: DeskSession) => void,
) {
  const attempt = async (work: () => Promise<unknown>): Promise<string | null> => {
    try {
      await work();
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const path = (sessionId: string, rest: string) => `/v1/sessions/${sessionId}/${rest}`;
  return {
    consult: (sessionId: string, agentId: string) =>
      attempt(async () => {
        await api(path(sessionId, 'consult'), { token, body: { agentId } });
        setSessions((list) =>
          list.map((s) =>
            s.sessionId === sessionId ? { ...s, transfer: { state: 'invited', agentId } } : s,
          ),
        );
      }),
    cancelConsult: (sessionId: string) =>
      attempt(() => api(path(sessionId, 'consult'), { method: 'DELETE', token })),
    transfer: (sessionId: string, body: TransferBody) =>
      attempt(() => api(path(sessionId, 'transfer'), { token, body })),
    accept: (invite: ConsultInvite) =>
      attempt(async () => {
        const grant = await api<ConsultGrant>(path(invite.sessionId, 'consult/accept'), { token, body: {} });
        const { request } = invite;
        onJoined({
          sessionId: invite.sessionId,
          requestId: request.id,
          request,
          consult: { withAgentIdentity: grant.withAgentIdentity, fromName: invite.fromName },
          ready: {
            type: 'session.ready',
            sessionId: invite.sessionId,
            requestId: request.id,
            channel: request.channel,
            // The server's word, so the session.ready at the handover matches and keeps this room.
            media: grant.media,
            room: grant.room,
            livekitUrl: grant.livekitUrl,
            token: grant.token,
            canPublish: Boolean(grant.token),
          },
        });
      }),
    /** Declines an invitation, or leaves a consult already joined. */
    leave: (sessionId: string) =>
      attempt(async () => {
        await api(path(sessionId, 'consult/decline'), { token, body: {} });
        setSessions((list) => list.filter((s) => s.sessionId !== sessionId || !s.consult));
      }),
  };
}
