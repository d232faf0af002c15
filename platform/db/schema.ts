import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Tables of the system of record. Redis holds the hot copy of what is open; this holds everything. */
export interface Database {
  cases: CasesTable;
  case_events: CaseEventsTable;
  messages: MessagesTable;
  calls: CallsTable;
  user_profiles: UserProfilesTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CasesTable {
  id: string;
  user_id: string;
  channel: string;
  media: string | null;
  language: string;
  category: string;
  level: string;
  score: number;
  /** The queue rank it was given: a rebuilt queue keeps the same order. */
  rank: number;
  reasons: Json<string[]>;
  sentiment: string | null;
  tier: string;
  text: string | null;
  stream: Json<{ id: string; offsetSeconds: number } | null>;
  state: string;
  ended_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  state: string;
  reason: string | null;
  at: Timestamp;
}

export interface MessagesTable {
  id: string;
  case_id: string;
  role: string;
  author_id: string | null;
  /** Agents' notes to each other; never shown to the user. */
  internal: boolean;
  body: string;
  attachments: Json<{ kind: string; key: string; contentType: string }[]>;
  created_at: Timestamp;
}

export interface CallsTable {
  session_id: string;
  case_id: string;
  agent_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
  outcome: string | null;
  note: string | null;
  rating: number | null;
}

export interface UserProfilesTable {
  platform_user_id: string;
  name: string | null;
  tier: string;
  languages: Json<string[]>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type MessageRow = Selectable<MessagesTable>;
