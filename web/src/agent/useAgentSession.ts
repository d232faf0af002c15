import type { StartCallBody, WrapUpBody } from '@lifeline/core/protocol/floor.js';
import type {
  ClientFrameOf,
  OfferedRequest,
  ServerFrameOf,
  SessionReady,
} from '@lifeline/core/protocol/frames.js';
import type { HelpRequestView } from '@lifeline/core/protocol/helpRequests.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../shared/api.js';
import { LifelineSocket } from '../shared/socket.js';
import { applyTransferUpdate, transferActions, type ConsultInvite } from './transfers.js';

type AgentStatus = ClientFrameOf<'agent.status'>['status'];
/** An offer as the console holds it: stamped on arrival, so its countdown runs from then. */
export type Offer = ServerFrameOf<'offer'> & { receivedAt: number };

/**
 * One tab of the console: a session the agent serves, with the request it accepted into it, from
 * `session.ready` until its wrap-up is saved. `ready` is the latest `session.ready`; `endedReason`
 * is set once the session ended and only the wrap-up is owed.
 */
export interface DeskSession {
  sessionId: string;
  requestId: string;
  ready: SessionReady;
  request?: OfferedRequest;
  endedReason?: string;
  /** Set on a tab this agent joined to consult for another agent, until it is handed over. */
  consult?: { withAgentIdentity: string; fromName: string };
  /** The consult this agent asked for on this session, while it is open. */
  transfer?: { state: 'invited' | 'joined'; agentId: string };
}

/**
 * A request as the offer showed it, rebuilt from its view: after a reload the server re-sends
 * `session.ready` but not the offer, and the agent should still see who and what it is serving.
 */
function offeredFromView(view: HelpRequestView): OfferedRequest {
  const { urgency } = view;
  return {
    id: view.id,
    channel: view.channel,
    media: view.media,
    language: view.language,
    category: view.category as OfferedRequest['category'],
    text: view.text,
    urgency: {
      score: urgency.score,
      level: urgency.level,
      reasons: urgency.reasons,
      sentiment: urgency.sentiment,
    },
    stream: view.stream,
    tier: view.tier,
    waitedSeconds: 0,
    createdAt: Date.parse(view.createdAt),
    handoffReason: view.handoffReason,
    statedLanguage: view.statedLanguage,
  };
}

/**
 * A re-sent `session.ready` (the socket reconnected) for the same call keeps the token the room
 * joined with: a new one would rejoin, and the agent leaving the room ends a call session.
 */
function nextReady(current: SessionReady, next: SessionReady): SessionReady {
  return current.room === next.room && current.media === next.media ? current : next;
}

/** Replaces one session of the list, leaving the others and their order alone. */
const updating = (list: DeskSession[], sessionId: string, change: Partial<DeskSession>) =>
  list.map((s) => (s.sessionId === sessionId ? { ...s, ...change } : s));

/**
 * The agent's live side of the protocol: status, offers, and every session it serves at once (up
 * to its `maxSessions`), each kept until its wrap-up, with the one the agent is working in.
 */
export function useAgentSession(token: string) {
  const [status, setStatus] = useState<AgentStatus>('away');
  const [offers, setOffers] = useState<Offer[]>([]);
  const [sessions, setSessions] = useState<DeskSession[]>([]);
  const [invites, setInvites] = useState<ConsultInvite[]>([]);
  const [focused, setFocused] = useState<string | null>(null);
  const socket = useRef<LifelineSocket | null>(null);
  /** The same socket as state, for what subscribes to it (each session's conversation). */
  const [live, setLive] = useState<LifelineSocket | null>(null);
  /** What each accepted offer showed, by request, until its session is ready. */
  const accepted = useRef(new Map<string, OfferedRequest>());
  /** Every session that has a tab, so a re-sent `session.ready` updates its tab rather than adding one. */
  const known = useRef(new Set<string>());

  useEffect(() => {
    const ws = new LifelineSocket(token);
    const recover = (sessionId: string, requestId: string) =>
      void api<HelpRequestView>(`/v1/help-requests/${requestId}`, { token }).then(
        (view) => setSessions((list) => updating(list, sessionId, { request: offeredFromView(view) })),
        () => undefined,
      );
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
      if (frame.type === 'session.ready') {
        const request = accepted.current.get(frame.requestId);
        accepted.current.delete(frame.requestId);
        const isNew = !known.current.has(frame.sessionId);
        known.current.add(frame.sessionId);
        if (isNew && !request) recover(frame.sessionId, frame.requestId);
        setSessions((list) =>
          isNew
            ? [...list, { sessionId: frame.sessionId, requestId: frame.requestId, ready: frame, request }]
            : list.map((s) =>
                // A consult tab handed over keeps its room: it is this agent's session now.
                s.sessionId === frame.sessionId
                  ? { ...s, ready: nextReady(s.ready, frame), consult: undefined }
                  : s,
              ),
        );
        // The call the agent just took is the one it talks in; a reconnect keeps the focus it had.
        setFocused((current) => (request || !current ? frame.sessionId : current));
      }
      // Whoever ended it, the agent still owes a wrap-up for it, unless it went back to the queue.
      if (frame.type === 'session.ended')
        setSessions((list) =>
          frame.reason === 'transferred'
            ? list.filter((s) => s.sessionId !== frame.sessionId)
            : updating(list, frame.sessionId, { endedReason: frame.reason }),
        );
      if (frame.type === 'consult.invited')
        setInvites((list) => [
          ...list.filter((i) => i.sessionId !== frame.sessionId),
          { ...frame, receivedAt: Date.now() },
        ]);
      if (frame.type === 'transfer.update') {
        setInvites((list) => list.filter((i) => i.sessionId !== frame.sessionId));
        setSessions((list) => applyTransferUpdate(list, frame));
      }
    });
    socket.current = ws;
    setLive(ws);
    return () => ws.close();
  }, [token]);

  const goStatus = (next: AgentStatus) => socket.current?.send({ type: 'agent.status', status: next });
  const accept = (offer: Offer) => {
    accepted.current.set(offer.request.id, offer.request);
    socket.current?.send({ type: 'offer.accept', offerId: offer.offerId });
    setOffers((list) => list.filter((o) => o.offerId !== offer.offerId));
  };
  const decline = (offer: Offer) => {
    socket.current?.send({ type: 'offer.decline', offerId: offer.offerId });
    setOffers((list) => list.filter((o) => o.offerId !== offer.offerId));
  };
  const hangUp = (sessionId: string) => {
    socket.current?.send({ type: 'session.end', sessionId });
    setSessions((list) => updating(list, sessionId, { endedReason: 'agent_ended' }));
  };
  /** Turns a conversation into a live call, or ends that call and keeps talking. */
  const startCall = (sessionId: string, media: StartCallBody['media']) =>
    void api(`/v1/sessions/${sessionId}/call`, { token, body: { media } satisfies StartCallBody });
  const stopCall = (sessionId: string) =>
    void api(`/v1/sessions/${sessionId}/call`, { method: 'DELETE', token });
  const finishWrapUp = async (
    sessionId: string,
    outcome: WrapUpBody['outcome'],
    note: string,
    followUpInMinutes?: number,
  ) => {
    await api(`/v1/sessions/${sessionId}/wrap-up`, {
      token,
      body: { outcome, ...(note ? { note } : {}), followUpInMinutes } satisfies WrapUpBody,
    });
    known.current.delete(sessionId);
    const rest = sessions.filter((s) => s.sessionId !== sessionId);
    setSessions((list) => list.filter((s) => s.sessionId !== sessionId));
    setFocused((current) => (current === sessionId ? (rest[0]?.sessionId ?? null) : current));
  };

  const transfers = transferActions(token, setSessions, (tab) => {
    known.current.add(tab.sessionId);
    setInvites((list) => list.filter((i) => i.sessionId !== tab.sessionId));
    setSessions((list) => [...list.filter((s) => s.sessionId !== tab.sessionId), tab]);
    setFocused(tab.sessionId);
  });
  const declineInvite = (invite: ConsultInvite) => {
    setInvites((list) => list.filter((i) => i.sessionId !== invite.sessionId));
    return transfers.leave(invite.sessionId);
  };

  return {
    status,
    goStatus,
    invites,
    declineInvite,
    transfers,
    offers,
    accept,
    decline,
    sessions,
    /** The session the agent works in: it hears the agent; the others are on hold. */
    focused: sessions.find((s) => s.sessionId === focused) ?? sessions[0] ?? null,
    focus: setFocused,
    hangUp,
    startCall,
    stopCall,
    finishWrapUp,
    socket: live,
  };
}
