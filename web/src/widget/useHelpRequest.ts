import type { RatingBody } from '@lifeline/core/protocol/floor.js';
import type { ServerFrameOf, SessionReady } from '@lifeline/core/protocol/frames.js';
import type {
  AssistantAnswerReply,
  CreatedReply,
  CreateHelpRequestBody,
  MyHelpRequestsReply,
} from '@lifeline/core/protocol/helpRequests.js';
import type { AssistantAnswer, Channel, WaitingCloseReason } from '@lifeline/core/protocol/vocabulary.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket } from '../shared/socket.js';

type QueuePlace = Pick<CreatedReply, 'position' | 'etaSeconds' | 'state' | 'noAgentOnline'>;
type VoiceStatus = ServerFrameOf<'voice.progress'>['status'];
/** The open case this widget follows: enough to reconnect to it after a reload. */
export interface HeldRequest {
  id: string;
  accessToken: string;
  channel: Channel;
  /** The user chose to be called back: they keep their place without this page open. */
  callback?: boolean;
}

/** This tab's open case survives a reload; another device finds it through the signed identity. */
const HELD_KEY = 'lifeline.request';
const held = {
  read(): HeldRequest | null {
    try {
      return JSON.parse(sessionStorage.getItem(HELD_KEY) ?? 'null') as HeldRequest | null;
    } catch {
      return null;
    }
  },
  write(request: HeldRequest | null) {
    if (request) sessionStorage.setItem(HELD_KEY, JSON.stringify(request));
    else sessionStorage.removeItem(HELD_KEY);
  },
};

/** The signed-in user's open case, if any, with a fresh token to reopen it here. */
async function openCaseOf(identity: string): Promise<HeldRequest | null> {
  const { requests } = await api<MyHelpRequestsReply>('/v1/me/help-requests', { token: identity });
  const open = requests.find((r) => r.accessToken);
  return open?.accessToken ? { id: open.id, accessToken: open.accessToken, channel: open.channel } : null;
}

/** One help request's life on the user side: create or resume, follow the queue, the session, the end. */
export function useHelpRequest(identity: string | null) {
  const [request, setRequest] = useState<HeldRequest | null>(null);
  const [queue, setQueue] = useState<QueuePlace | null>(null);
  const [ready, setReady] = useState<SessionReady | null>(null);
  const [ended, setEnded] = useState(false);
  /** Why the case closed before any agent had it (self-served, cancelled…), if it did. */
  const [closedAs, setClosedAs] = useState<WaitingCloseReason | null>(null);
  const [voiceStatus, setVoiceStatus] = useState<VoiceStatus | null>(null);
  /** What the user is told of a consult or transfer of their session, while it matters. */
  const [transfer, setTransfer] = useState<ServerFrameOf<'session.transfer'> | null>(null);
  const socket = useRef<LifelineSocket | null>(null);
  /** The same socket as state, for what subscribes to it (the conversation). */
  const [live, setLive] = useState<LifelineSocket | null>(null);

  const follow = (next: HeldRequest) => {
    socket.current?.close();
    held.write(next);
    setRequest(next);
    const ws = new LifelineSocket(next.accessToken);
    ws.on((frame) => {
      if (frame.type === 'queue.update') setQueue(frame);
      if (frame.type === 'session.ready') {
        setReady(frame);
        // A new session after a cold transfer: the notice has done its job.
        setTransfer((now) => (now?.state === 'queued' ? null : now));
      }
      if (frame.type === 'session.transfer') {
        setTransfer(frame.state === 'resumed' ? null : frame);
        // Back in the queue: the call is over, the wait (with its place) is shown again.
        if (frame.state === 'queued') setReady(null);
      }
      if (frame.type === 'session.ended' || frame.type === 'request.closed') {
        held.write(null);
        setEnded(true);
      }
      if (frame.type === 'request.closed') setClosedAs(frame.reason);
      if (frame.type === 'voice.progress') setVoiceStatus(frame.status);
    });
    socket.current = ws;
    setLive(ws);
  };

  useEffect(() => {
    let gone = false;
    const saved = held.read();
    if (saved) follow(saved);
    else if (identity)
      void openCaseOf(identity).then(
        (open) => open && !gone && follow(open),
        () => undefined,
      );
    return () => {
      gone = true;
      socket.current?.close();
    };
    // Once per identity: a resumed case is followed from then on by its own socket.
  }, [identity]);

  const create = async (body: CreateHelpRequestBody) => {
    const created = await api<CreatedReply>('/v1/help-requests', { token: identity ?? undefined, body });
    setQueue(created);
    follow({ id: created.id, accessToken: created.accessToken, channel: body.channel });
    return created;
  };

  const uploadVoice = async (created: CreatedReply, recording: Blob) => {
    await api(`/v1/help-requests/${created.id}/voice`, {
      token: created.accessToken,
      raw: recording,
      contentType: recording.type.split(';')[0],
    });
  };

  const cancel = async () => {
    if (request)
      await api(`/v1/help-requests/${request.id}`, { method: 'DELETE', token: request.accessToken }).catch(
        () => undefined,
      );
    held.write(null);
    setEnded(true);
  };

  /** Chooses a callback, or takes the choice back and waits here again. */
  const callMeBack = async (wanted: boolean) => {
    if (!request) return;
    const path = `/v1/help-requests/${request.id}/callback`;
    await api(path, { method: wanted ? 'POST' : 'DELETE', token: request.accessToken });
    const next = { ...request, callback: wanted };
    held.write(next);
    setRequest(next);
  };

  /** Follows the same case again: its user put it back in the line after an incident closed it. */
  const reopen = () => {
    if (!request) return;
    setEnded(false);
    setClosedAs(null);
    setReady(null);
    follow(request);
  };

  /**
   * The user's answer to the assistant. The frames that follow say the rest (a new answer, the
   * line, the close); the reply only moves the widget on at once, so the buttons do not linger.
   */
  const answerAssistant = async (answer: AssistantAnswer) => {
    if (!request) return;
    const reply = await api<AssistantAnswerReply>(`/v1/help-requests/${request.id}/assistant`, {
      token: request.accessToken,
      body: { answer },
    });
    if (reply.state === 'self_served') {
      held.write(null);
      setClosedAs('self_served');
      setEnded(true);
    }
    // A queue.update may have come first with the real place: only a still-held view is moved on.
    if (reply.state === 'queued')
      setQueue((place) => (place?.state === 'assistant' ? { ...place, state: 'waiting' } : place));
  };

  const rate = async (stars: number) => {
    if (request)
      await api(`/v1/help-requests/${request.id}/rating`, {
        token: request.accessToken,
        body: { stars } satisfies RatingBody,
      });
  };

  return {
    request,
    queue,
    ready,
    ended,
    closedAs,
    voiceStatus,
    transfer,
    create,
    uploadVoice,
    cancel,
    callMeBack,
    reopen,
    answerAssistant,
    rate,
    socket: live,
  };
}
