import type { RatingBody } from '@lifeline/core/protocol/floor.js';
import type { ServerFrameOf, SessionReady } from '@lifeline/core/protocol/frames.js';
import type { CreatedReply, CreateHelpRequestBody } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket } from '../shared/socket.js';

type QueuePlace = Pick<CreatedReply, 'position' | 'etaSeconds' | 'state'>;
type VoiceStatus = ServerFrameOf<'voice.progress'>['status'];

/** One help request's life on the user side: create, follow the queue, get the call, end. */
export function useHelpRequest(identity: string | null) {
  const [request, setRequest] = useState<CreatedReply | null>(null);
  const [queue, setQueue] = useState<QueuePlace | null>(null);
  const [ready, setReady] = useState<SessionReady | null>(null);
  const [ended, setEnded] = useState(false);
  const [voiceStatus, setVoiceStatus] = useState<VoiceStatus | null>(null);
  const socket = useRef<LifelineSocket | null>(null);
  /** The same socket as state, for what subscribes to it (the conversation). */
  const [live, setLive] = useState<LifelineSocket | null>(null);

  useEffect(() => () => socket.current?.close(), []);

  const follow = (created: CreatedReply) => {
    const ws = new LifelineSocket(created.accessToken);
    ws.on((frame) => {
      if (frame.type === 'queue.update') setQueue(frame);
      if (frame.type === 'session.ready') setReady(frame);
      if (frame.type === 'session.ended' || frame.type === 'request.closed') setEnded(true);
      if (frame.type === 'voice.progress') setVoiceStatus(frame.status);
    });
    socket.current = ws;
    setLive(ws);
  };

  const create = async (body: CreateHelpRequestBody) => {
    const created = await api<CreatedReply>('/v1/help-requests', { token: identity ?? undefined, body });
    setRequest(created);
    setQueue(created);
    follow(created);
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
    setEnded(true);
  };

  const rate = async (stars: number) => {
    if (request)
      await api(`/v1/help-requests/${request.id}/rating`, {
        token: request.accessToken,
        body: { stars } satisfies RatingBody,
      });
  };

  return { request, queue, ready, ended, voiceStatus, create, uploadVoice, cancel, rate, socket: live };
}
