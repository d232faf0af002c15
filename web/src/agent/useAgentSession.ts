import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket, type Frame } from '../shared/socket.js';

export interface OfferedRequest {
  id: string;
  channel: string;
  media?: string;
  language: string;
  category: string;
  text?: string;
  urgency: { score: number; level: string; reasons: string[]; sentiment?: string };
  stream?: { id: string; offsetSeconds: number };
  tier: string;
  waitedSeconds: number;
}
export interface Offer {
  offerId: string;
  expiresInMs: number;
  receivedAt: number;
  request: OfferedRequest;
}
export interface Session {
  sessionId: string;
  requestId: string;
  livekitUrl: string;
  token: string;
  request?: OfferedRequest;
}

/** The agent's live side of the protocol: status, offers, sessions, and their endings. */
export function useAgentSession(token: string) {
  const [status, setStatus] = useState<'available' | 'away'>('away');
  const [offers, setOffers] = useState<Offer[]>([]);
  const [session, setSession] = useState<Session | null>(null);
  const [wrapUp, setWrapUp] = useState<string | null>(null);
  const socket = useRef<LifelineSocket | null>(null);
  const lastOffer = useRef<OfferedRequest | undefined>(undefined);

  useEffect(() => {
    const ws = new LifelineSocket(token);
    ws.on((frame: Frame) => {
      if (frame.type === 'agent.status') setStatus(frame.status as 'available' | 'away');
      if (frame.type === 'offer')
        setOffers((list) => [...list, { ...(frame as unknown as Offer), receivedAt: Date.now() }]);
      if (frame.type === 'offer.withdrawn')
        setOffers((list) => list.filter((o) => o.offerId !== frame.offerId));
      if (frame.type === 'session.ready')
        setSession({ ...(frame as unknown as Session), request: lastOffer.current });
      if (frame.type === 'session.ended') {
        // Whoever ended it, the agent still owes a wrap-up for it.
        setWrapUp((pending) => pending ?? String(frame.sessionId));
        setSession((current) => (current?.sessionId === frame.sessionId ? null : current));
      }
    });
    socket.current = ws;
    return () => ws.close();
  }, [token]);

  const goStatus = (next: 'available' | 'away') =>
    socket.current?.send({ type: 'agent.status', status: next });
  const accept = (offer: Offer) => {
    lastOffer.current = offer.request;
    socket.current?.send({ type: 'offer.accept', offerId: offer.offerId });
    setOffers((list) => list.filter((o) => o.offerId !== offer.offerId));
  };
  const decline = (offer: Offer) => {
    socket.current?.send({ type: 'offer.decline', offerId: offer.offerId });
    setOffers((list) => list.filter((o) => o.offerId !== offer.offerId));
  };
  const hangUp = () => {
    if (!session) return;
    socket.current?.send({ type: 'session.end', sessionId: session.sessionId });
    setWrapUp(session.sessionId);
    setSession(null);
  };
  const finishWrapUp = async (outcome: string, note: string) => {
    if (wrapUp)
      await api(`/v1/sessions/${wrapUp}/wrap-up`, { token, body: { outcome, ...(note ? { note } : {}) } });
    setWrapUp(null);
  };

  return { status, goStatus, offers, accept, decline, session, hangUp, wrapUp, finishWrapUp };
}
