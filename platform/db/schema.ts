import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Tables of the system of record. Redis holds the hot copy of what is open; this holds everything. */
export interface Database {
  cases: CasesTable;
  case_events: CaseEventsTable;
  messages: MessagesTable;
  calls: CallsTable;
  user_profiles: UserProfilesTable;
  tasks: TasksTable;
  incidents: IncidentsTable;
  incident_cases: IncidentCasesTable;
  transcripts: TranscriptsTable;
  routing_policies: RoutingPoliciesTable;
  kb_articles: KbArticlesTable;
  audit_events: AuditEventsTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A column added later: null until written, and left out of inserts that do not know it. */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>;

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
  /** 'waiting' while its user chose to be called back and has not been reached. */
  callback: Later<string>;
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
  attachments: Json<StoredAttachment[]>;
  /** The articles an assistant line answers with ({id, title}); none on other lines. */
  articles: ColumnType<StoredArticleLink[], string | undefined, string>;
  created_at: Timestamp;
}

export interface StoredArticleLink {
  id: string;
  title: string;
}

/** A file a line carries, by its blob key; a video clip adds its thumbnail's key and its shape. */
export interface StoredAttachment {
  kind: string;
  key: string;
  contentType: string;
  thumbnailKey?: string;
  seconds?: number;
  width?: number;
  height?: number;
  hasAudio?: boolean;
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

/** Work a wrap-up leaves: a follow-up by the same agent, or an escalation a supervisor hands on. */
export interface TasksTable {
  id: string;
  kind: string;
  case_id: string;
  session_id: string | null;
  created_by: string;
  /** Offered the reopened case first; null for an escalation no supervisor has assigned yet. */
  assignee_id: string | null;
  /** pending → open (its case waits in the queue) → done (taken) or cancelled. */
  state: string;
  due_at: Timestamp | null;
  reserved_until: Timestamp | null;
  opened_at: Timestamp | null;
  /** When the hot queue confirmed it holds the reopened case; null after a crash in between. */
  requeued_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_reason: string | null;
  taken_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Many users reporting the same harm at once; Redis spots the burst, this keeps the record. */
export interface IncidentsTable {
  id: string;
  /** Reports with this keyword join it; one a supervisor opened by hand may have none. */
  keyword: string | null;
  opened_at: Timestamp;
  last_at: Timestamp;
  users: number;
  closed_at: Timestamp | null;
  title: Later<string>;
  category: Later<string>;
  /** The supervisor who opened it by hand; null for one a burst of reports opened. */
  opened_by: Later<string>;
  status_message: Later<string>;
  status_at: Later<Date>;
  resolution: Later<string>;
  resolved_at: Later<Date>;
  /** When every linked case of its resolution was closed (or kept for a user who still needs help). */
  resolution_done_at: Later<Date>;
}

export interface IncidentCasesTable {
  incident_id: string;
  case_id: string;
  linked_at: Timestamp;
  /** The user said the status did not answer them: their case stays with a human. */
  still_needs_help_at: Later<Date>;
  /** The case was closed by the incident's status or resolution, without an agent. */
  answered_at: Later<Date>;
}

/** One case's transcript; segments are kept only while they are small (see TranscriptRepository). */
export interface TranscriptsTable {
  case_id: string;
  /** `done` or `failed`: written once the worker has settled it. */
  status: string;
  text: string | null;
  language: string | null;
  segments: Json<TranscriptSegment[] | null>;
  /** When the worker settled it: what RETAIN_TRANSCRIPTS_DAYS counts from. */
  created_at: Timestamp;
}

export interface TranscriptSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export type TaskRow = Selectable<TasksTable>;
export type IncidentRow = Selectable<IncidentsTable>;

export interface RoutingPoliciesTable {
  version: Generated<string>;
  document: Json<unknown>;
  /** sha256 of the document's canonical JSON: the same policy put twice is one version. */
  digest: string;
  /** 'file' (read at start or on change) or 'api' (an admin's PUT). */
  source: string;
  /** Who: the agent id of the supervisor, 'admin' for the admin token, or the file's path. */
  actor: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export type RoutingPolicyRow = Selectable<RoutingPoliciesTable>;

export interface KbArticlesTable {
  id: string;
  title: string;
  body: string;
  /** Primary language subtag. */
  language: string;
  category: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  /** What the full-text vector is built from (the database keeps `search_vector` itself). */
  search_title: string;
  search_tags: string;
  search_body: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type KbArticleRow = Selectable<KbArticlesTable>;

/** Supervisor actions on calls and every consult and transfer (see AuditRepository). */
export interface AuditEventsTable {
  id: Generated<string>;
  key: string;
  at: Timestamp;
  actor_id: string;
  action: string;
  session_id: string;
  case_id: string | null;
  target_id: string | null;
  created_at: Generated<Date>;
}
