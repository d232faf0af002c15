import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket, type Frame } from '../shared/socket.js';

export interface Ready {
  sessionId: string;
  room: string;
  livekitUrl: string;
  token: string;
}

export interface Created {
  id: string;
  accessToken: string;
}

/** One help request's life on the user side: create, follow the queue, get the call, end. */
export function useHelpRequest(identity: string | null) {
  const [request, setRequest] = useState<Created | null>(null);
  const [queue, setQueue] = useState<{ position: number; etaSeconds: number; state: string } | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [ended, setEnded] = useState(false);
  const [voiceStatus, setVoiceStatus] = useState<string | null>(null);
  const socket = useRef<LifelineSocket | null>(null);

  useEffect(() => () => socket.current?.close(), []);

  const follow = (created: Created) => {
    const ws = new LifelineSocket(created.accessToken);
    ws.on((frame: Frame) => {
      if (frame.type === 'queue.update')
        setQueue(frame as unknown as { position: number; etaSeconds: number; state: string });
      if (frame.type === 'session.ready') setReady(frame as unknown as Ready);
      if (frame.type === 'session.ended' || frame.type === 'request.closed') setEnded(true);
      if (frame.type === 'voice.progress') setVoiceStatus(String(frame.status));
    });
    socket.current = ws;
  };

  const create = async (body: Record<string, unknown>) => {
    const created = await api<Created & { position: number; etaSeconds: number; state: string }>(
      '/v1/help-requests',
      { token: identity ?? undefined, body },
    );
    setRequest(created);
    setQueue(created);
    follow(created);
    return created;
  };

  const uploadVoice = async (created: Created, recording: Blob) => {
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
      await api(`/v1/help-requests/${request.id}/rating`, { token: request.accessToken, body: { stars } });
  };

  return { request, queue, ready, ended, voiceStatus, create, uploadVoice, cancel, rate };
}
