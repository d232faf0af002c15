import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** A case as the analytics read it: its history, its calls and the user's lines, at fixed times. */
export interface SeedCase {
  id: string;
  createdAt: string;
  category?: string;
  language?: string;
  tier?: string;
  channel?: string;
  text?: string;
  /** State changes in order; the last one is the case's state. */
  events: { state: string; at: string; reason?: string }[];
  calls?: { agentId: string; start: string; end?: string; rating?: number }[];
  /** User lines of its conversation. */
  lines?: { at: string; body: string }[];
}

export async function seedCase(db: Kysely<Database>, seed: SeedCase): Promise<void> {
  const last = seed.events[seed.events.length - 1]!;
  const open = ['assistant', 'queued', 'assigned'].includes(last.state);
  await db
    .insertInto('cases')
    .values({
      id: seed.id,
      user_id: `user-${seed.id}`,
      channel: seed.channel ?? 'text',
      media: null,
      language: seed.language ?? 'en',
      category: seed.category ?? 'general',
      level: 'normal',
      score: 0.3,
      rank: 0,
      reasons: '[]',
      sentiment: null,
      tier: seed.tier ?? 'regular',
      text: seed.text ?? null,
      stream: 'null',
      state: last.state,
      ended_reason: open ? null : (last.reason ?? last.state),
      created_at: seed.createdAt,
      updated_at: last.at,
      ended_at: open ? null : last.at,
    })
    .execute();
  await db
    .insertInto('case_events')
    .values(
      seed.events.map((e) => ({ case_id: seed.id, state: e.state, reason: e.reason ?? null, at: e.at })),
    )
    .execute();
  for (const [i, call] of (seed.calls ?? []).entries())
    await db
      .insertInto('calls')
      .values({
        session_id: `${seed.id}-s${i}`,
        case_id: seed.id,
        agent_id: call.agentId,
        started_at: call.start,
        ended_at: call.end ?? null,
        ended_reason: call.end ? 'agent_ended' : null,
        outcome: null,
        note: null,
        rating: call.rating ?? null,
      })
      .execute();
  for (const [i, line] of (seed.lines ?? []).entries())
    await db
      .insertInto('messages')
      .values({
        id: `${seed.id}-m${i}`,
        case_id: seed.id,
        role: 'user',
        author_id: null,
        internal: false,
        body: line.body,
        attachments: '[]',
        created_at: line.at,
      })
      .execute();
}

/** A contact answered after `waitSeconds` and served for `handleSeconds` (ended then, unless open). */
export function answered(
  id: string,
  queuedAt: string,
  agentId: string,
  waitSeconds: number,
  handleSeconds: number | null,
  extra: Partial<SeedCase> & { rating?: number } = {},
): SeedCase {
  const start = new Date(Date.parse(queuedAt) + waitSeconds * 1000).toISOString();
  const end =
    handleSeconds === null ? undefined : new Date(Date.parse(start) + handleSeconds * 1000).toISOString();
  return {
    id,
    createdAt: queuedAt,
    ...extra,
    events: [
      { state: 'queued', at: queuedAt },
      { state: 'assigned', at: start, reason: 'accepted' },
      ...(end ? [{ state: 'ended', at: end, reason: 'agent_ended' }] : []),
    ],
    calls: [{ agentId, start, ...(end ? { end } : {}), ...(extra.rating ? { rating: extra.rating } : {}) }],
  };
}

/** A contact that left the line unanswered (`abandoned`, `cancelled`...) at `closedAt`. */
export function unanswered(
  id: string,
  queuedAt: string,
  state: string,
  closedAt: string,
  extra: Partial<SeedCase> = {},
): SeedCase {
  return {
    id,
    createdAt: queuedAt,
    ...extra,
    events: [
      { state: 'queued', at: queuedAt },
      { state, at: closedAt },
    ],
  };
}
