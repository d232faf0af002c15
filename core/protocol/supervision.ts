import { Type, type Static } from '@sinclair/typebox';
import { Category, MediaKind } from './domain.js';

/**
 * How a supervisor joins a live call. Each mode's LiveKit grant is the smallest it needs:
 * - `listen`: subscribe only, hidden from both parties, never publishes;
 * - `coach`: may publish its microphone only, and allows only the agent to subscribe to it
 *   (track subscription permissions), so the user never receives the coaching;
 * - `barge`: may publish its microphone to everyone in the call.
 */
export const MONITOR_MODES = ['listen', 'coach', 'barge'] as const;
export const MonitorMode = Type.Union(MONITOR_MODES.map((m) => Type.Literal(m)));
export type MonitorMode = Static<typeof MonitorMode>;

export const MonitorBody = Type.Object({ mode: Type.Optional(MonitorMode) }, { additionalProperties: false });

export const MonitorGrant = Type.Object({
  room: Type.String(),
  livekitUrl: Type.String(),
  token: Type.String({ description: 'LiveKit join token for this room only, short-lived' }),
  mode: MonitorMode,
  identity: Type.String({ description: "The supervisor's identity in the room" }),
  agentIdentity: Type.String({
    description: 'The serving agent’s identity: the only subscriber a coaching supervisor allows',
  }),
});
export type MonitorGrant = Static<typeof MonitorGrant>;

/** One audited supervisor or transfer action: who, when, which session, and to whom. */
export const AUDIT_ACTIONS = [
  'listen',
  'coach',
  'barge',
  'monitor_end',
  'consult_invite',
  'consult_accept',
  'consult_decline',
  'consult_cancel',
  'consult_expire',
  'transfer_warm',
  'transfer_cold',
] as const;
export const AuditAction = Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a)));
export type AuditAction = Static<typeof AuditAction>;

export const AuditEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actorId: Type.String(),
  action: AuditAction,
  sessionId: Type.String(),
  caseId: Type.Optional(Type.String()),
  targetId: Type.Optional(Type.String({ description: 'The agent consulted or handed to, or the queue' })),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    sessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export const AuditReply = Type.Object({ entries: Type.Array(AuditEntry) });

/** A serving agent asks another agent (or a supervisor) to consult on a session. */
export const ConsultBody = Type.Object(
  { agentId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/**
 * A handover. `warm`: to the agent already consulting, in the same room; the user never queues
 * again. `cold`: back to the queue of `category`, ahead of newer requests of the same urgency,
 * with a note for whoever takes it.
 */
export const TransferBody = Type.Union([
  Type.Object({ mode: Type.Literal('warm') }, { additionalProperties: false }),
  Type.Object(
    {
      mode: Type.Literal('cold'),
      category: Category,
      note: Type.Optional(Type.String({ maxLength: 1000 })),
    },
    { additionalProperties: false },
  ),
]);
export type TransferBody = Static<typeof TransferBody>;

/** What the consulted agent needs to join the call: the same room, its own publishing grant. */
export const ConsultGrant = Type.Object({
  sessionId: Type.String(),
  room: Type.Optional(Type.String()),
  livekitUrl: Type.Optional(Type.String()),
  token: Type.Optional(
    Type.String({ description: 'Only when the session holds a live call; the consult is in its room' }),
  ),
  withAgentIdentity: Type.String({ description: 'The agent who asked: the only one who hears the consult' }),
  media: Type.Optional(MediaKind),
});
export type ConsultGrant = Static<typeof ConsultGrant>;

export const TRANSFER_STATES = [
  'invited',
  'joined',
  'declined',
  'cancelled',
  'expired',
  'completed',
] as const;
export const TransferState = Type.Union(TRANSFER_STATES.map((s) => Type.Literal(s)));
export type TransferState = Static<typeof TransferState>;
