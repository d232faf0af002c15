import type { HelpRequestView } from '@lifeline/core/protocol/helpRequests.js';
import type { IncidentAnswerReply, IncidentNotice } from '@lifeline/core/protocol/incidents.js';
import type { IncidentAnswer } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useState } from 'react';
import { api } from '../shared/api.js';
import type { LifelineSocket } from '../shared/socket.js';

/**
 * The incident a user's case is linked to, as its latest status: read with the case when the
 * widget follows it (a new reporter, or a user back after a while), then live over the socket.
 */
export function useIncidentNotice(
  request: { id: string; accessToken: string } | null,
  socket: LifelineSocket | null,
) {
  const [notice, setNotice] = useState<IncidentNotice | null>(null);

  useEffect(() => {
    setNotice(null);
    if (!request) return;
    let gone = false;
    void api<HelpRequestView>(`/v1/help-requests/${request.id}`, { token: request.accessToken }).then(
      (view) => !gone && view.incident && setNotice(view.incident),
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [request?.id]);

  useEffect(
    () =>
      socket?.on((frame) => {
        if (frame.type !== 'incident.status') return;
        const { type: _, ...next } = frame;
        // The user's own answer is theirs: a new status does not take it back.
        setNotice((previous) => ({ ...next, stillNeedHelp: previous?.stillNeedHelp }));
      }),
    [socket],
  );

  const answer = async (choice: IncidentAnswer): Promise<string | undefined> => {
    if (!request) return undefined;
    const reply = await api<IncidentAnswerReply>(`/v1/help-requests/${request.id}/incident-answer`, {
      token: request.accessToken,
      body: { answer: choice },
    });
    if (choice === 'still_need_help') setNotice((n) => n && { ...n, stillNeedHelp: true });
    return reply.state;
  };

  return { notice, answer };
}
