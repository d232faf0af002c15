/**
 * The domain's words, as plain constants and the types derived from them. No TypeBox here, so the
 * browser and the k6 scripts can import these values without pulling a schema library along;
 * `domain.ts` builds the schemas from the same lists.
 */

export const CATEGORIES = [
  'account_security',
  'payment',
  'content_moderation',
  'technical',
  'copyright',
  'feedback',
  'general',
] as const;
export type CategoryName = (typeof CATEGORIES)[number];

/** A category every agent may take, whatever its skills. */
export const GENERAL_CATEGORY = 'general' satisfies CategoryName;

export const CHANNELS = ['call', 'voice', 'text'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MEDIA_KINDS = ['audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Who the user is to the platform; taken only from the signed identity. */
export const TIERS = ['regular', 'creator', 'brand', 'advertiser'] as const;
export type Tier = (typeof TIERS)[number];

/** Most urgent first. */
export const URGENCY_LEVELS = ['critical', 'high', 'normal', 'low'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const REQUEST_STATES = [
  'queued',
  'offered',
  'assigned',
  'ended',
  'cancelled',
  'abandoned',
  'resolved_by_incident',
  /** A text conversation the assistant is answering from the knowledge base; no human sees it yet. */
  'assistant',
  /** Closed by its user: an article the assistant gave solved it. */
  'self_served',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const TRANSCRIPT_STATUSES = ['pending', 'done', 'failed'] as const;
export type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];

/** What an agent sets for themselves; offline is when no socket holds their lease. */
export const AGENT_STATUSES = ['available', 'away'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/**
 * Where a waiting user stands: in the line, being offered to an agent right now, or with the
 * assistant (not in the line until it hands over).
 */
export const QUEUE_STATES = ['waiting', 'connecting', 'assistant'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Why a request left the line without reaching an agent. */
export const WAITING_CLOSE_REASONS = [
  'cancelled',
  'abandoned',
  'resolved_by_incident',
  'self_served',
] as const;
export type WaitingCloseReason = (typeof WAITING_CLOSE_REASONS)[number];

export const AGENT_ROLES = ['agent', 'supervisor'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Who said a line of a conversation: the user, an agent, an automated assistant, or Lifeline itself. */
export const MESSAGE_ROLES = ['user', 'agent', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** Why the assistant stepped aside for a human: each handoff carries one. */
export const HANDOFF_REASONS = [
  /** Critical, or high for a creator or brand: never held by the assistant. */
  'urgent',
  /** The user asked for a person, in words or with the button. */
  'asked_for_human',
  'no_confident_match',
  'not_helped_twice',
  /** The knowledge base is not written in the user's language. */
  'language_not_supported',
  /** The user sent a voice message or a clip, which only a person answers. */
  'recorded_message',
  /** The user said nothing more for the idle time: a person follows up rather than nobody. */
  'unanswered',
  /** The assistant could not answer (the knowledge base could not be searched, or its state was lost). */
  'assistant_unavailable',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** What a user answers the assistant. */
export const ASSISTANT_ANSWERS = ['solved', 'not_helped', 'human'] as const;
export type AssistantAnswer = (typeof ASSISTANT_ANSWERS)[number];

/** Longest problem description a user may type; voice messages carry the rest. */
export const MAX_TEXT_LENGTH = 4000;

/** Knowledge-base limits: an article's parts and a search query. */
export const KB_LIMITS = {
  titleChars: 200,
  bodyChars: 20_000,
  tags: 20,
  tagChars: 40,
  queryChars: 500,
  results: 10,
} as const;
/** Longest note an agent may keep with a session. */
export const MAX_NOTE_LENGTH = 2000;
/** Longest conversation message, in UTF-16 code units (what the browser's maxLength counts). */
export const MAX_MESSAGE_LENGTH = 4000;

/** What browsers' MediaRecorder and common recorders produce; anything else gets 415. */
export const VOICE_CONTENT_TYPES = [
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/ogg',
  'audio/mpeg',
] as const;

/**
 * What a `system` line of a conversation says: an event code, which each client words in its
 * user's language, never free text.
 */
export const SYSTEM_EVENTS = [
  'call.audio.started',
  'call.video.started',
  'call.ended',
  'callback.calling',
  'callback.missed',
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/** Video feedback clips: what MediaRecorder produces in Chromium and Firefox (WebM) and Safari (MP4). */
export const VIDEO_CONTENT_TYPES = ['video/webm', 'video/mp4'] as const;

/** What a conversation line may carry besides its text. */
export const ATTACHMENT_KINDS = ['video', 'voice'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** How an agent closes a session in its wrap-up. `follow_up` and `escalated` each leave a task. */
export const OUTCOMES = ['resolved', 'escalated', 'follow_up', 'no_issue'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Work left after a session: a call-back by the same agent, or a case a supervisor must hand on. */
export const TASK_KINDS = ['follow_up', 'escalation'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** pending: not due or not assigned yet; open: its case waits in the queue; done: taken; cancelled: not needed. */
export const TASK_STATES = ['pending', 'open', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** The latest a wrap-up or a supervisor may set a task's due time: 30 days ahead. */
export const MAX_FOLLOW_UP_MINUTES = 30 * 24 * 60;

/** Longest incident status or resolution a supervisor may post: a banner, not an article. */
export const MAX_INCIDENT_STATUS_LENGTH = 1000;
/** Longest title of an incident a supervisor opens by hand. */
export const MAX_INCIDENT_TITLE_LENGTH = 200;
/** What a user linked to an incident answers its status: keep my case with a human, or close it. */
export const INCIDENT_ANSWERS = ['still_need_help', 'solved'] as const;
export type IncidentAnswer = (typeof INCIDENT_ANSWERS)[number];
