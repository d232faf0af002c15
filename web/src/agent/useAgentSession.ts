import type { StartCallBody, WrapUpBody } from '@lifeline/core/protocol/floor.js';
import type {
  ClientFrameOf,
  OfferedRequest,
  ServerFrameOf,
  SessionReady,
} from '@lifeline/core/protocol/frames.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket } from '../shared/socket.js';

type AgentStatus = ClientFrameOf<'agent.status'>['status'];
/** An offer as the console holds it: stamped on arrival, so its countdown runs from then. */
export type Offer = ServerFrameOf<'offer'> & { receivedAt: number };
/** The live session, with the request the agent accepted into it. */
type Session = SessionReady & { request?: OfferedRequest };

/** The agent's live side of the protocol: status, offers, sessions, and their endings. */
export function useAgentSession(token: string) {
  const [status, setStatus] = useState<AgentStatus>('away');
  const [offers, setOffers] = useState<Offer[]>([]);
  const [session, setSession] = useState<Session | null>(null);
  const [wrapUp, setWrapUp] = useState<string | null>(null);
  const socket = useRef<LifelineSocket | null>(null);
  /** The same socket as state, for what subscribes to it (the conversation). */
  const [live, setLive] = useState<LifelineSocket | null>(null);
  const lastOffer = useRef<OfferedRequest | undefined>(undefined);

  useEffect(() => {
    const ws = new LifelineSocket(token);
    ws.on((frame) => {
      if (frame.type === 'agent.status') setStatus(frame.status);
      // The server re-sends held offers after a reconnect: one card per offer.
      if (frame.type === 'offer')
        setOffers((list) => [
          ...list.filter((o) => o.offerId !== frame.offerId),
          { ...frame, receivedAt: Date.now() },
        ]);
      if (frame.type === 'offer.withdrawn')
        setOffers((list) => list.filter((o) => o.offerId !== frame.offerId));
      // A call starting or stopping in a conversation re-sends the session: keep what was offered.
      if (frame.type === 'session.ready')
        setSession((current) => ({
          ...frame,
          request: current?.sessionId === frame.sessionId ? current.request : lastOffer.current,
        }));
      if (frame.type === 'session.ended') {
        // Whoever ended it, the agent still owes a wrap-up for it.
        setWrapUp((pending) => pending ?? frame.sessionId);
        setSession((current) => (current?.sessionId === frame.sessionId ? null : current));
      }
    });
    socket.current = ws;
    setLive(ws);
    return () => ws.close();
  }, [token]);

  const goStatus = (next: AgentStatus) => socket.current?.send({ type: 'agent.status', status: next });
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
  /** Turns the conversation being served into a live call, or ends that call and keeps talking. */
  const startCall = (media: StartCallBody['media']) => {
    if (session)
      void api(`/v1/sessions/${session.sessionId}/call`, { token, body: { media } satisfies StartCallBody });
  };
  const stopCall = () => {
    if (session) void api(`/v1/sessions/${session.sessionId}/call`, { method: 'DELETE', token });
  };
  const finishWrapUp = async (outcome: WrapUpBody['outcome'], note: string, followUpInMinutes?: number) => {
    if (wrapUp)
      await api(`/v1/sessions/${wrapUp}/wrap-up`, {
        token,
        body: { outcome, ...(note ? { note } : {}), followUpInMinutes } satisfies WrapUpBody,
      });
    setWrapUp(null);
  };

  return {
    status,
    goStatus,
    offers,
    accept,
    decline,
    session,
    hangUp,
    startCall,
    stopCall,
    wrapUp,
    finishWrapUp,
    socket: live,
  };
}
